* FORM: expand f*(f+1) with f = (1+x+y+z+t)^N; run as  form -D N=15 expand.frm
* The term count is FORM's own statistics line "g Terms in output = ...".
#-
Symbols x, y, z, t;
Local f = (1 + x + y + z + t)^`N';
.sort
Drop f;
Local g = f*(f + 1);
.end
