print("keldysh")
