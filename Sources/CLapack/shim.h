/* Swift cannot import C `_Complex` types, so every LAPACK/CBLAS routine with a
   complex argument would be invisible. Both headers allow substituting a
   layout-compatible struct ({re, im} doubles, same size, alignment and
   calling convention as `double _Complex`), which Swift imports directly. */
#define FORCE_OPENBLAS_COMPLEX_STRUCT 1
#include <cblas.h>

typedef struct { double re, im; } kk_complex_double;
typedef struct { float re, im; } kk_complex_float;
#define lapack_complex_double kk_complex_double
#define lapack_complex_float kk_complex_float
#include <lapacke.h>
