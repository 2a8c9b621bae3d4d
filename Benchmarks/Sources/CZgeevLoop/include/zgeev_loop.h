#ifndef ZGEEV_LOOP_H
#define ZGEEV_LOOP_H
/* Times LAPACK's zgeev alone (eigenvalues only) on `count` n×n complex matrices stored
   one after another, column-major, as (re, im) pairs. Writes the eigenvalues to `values`
   (count·n pairs) and returns the elapsed seconds of the loop, or a negative number when
   zgeev reports an error. */
double kk_zgeev_loop(const double *matrices, long count, int n, double *values);
#endif
