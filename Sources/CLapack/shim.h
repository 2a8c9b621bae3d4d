#include <complex.h>
#include <cblas.h>
#include <lapacke.h>
