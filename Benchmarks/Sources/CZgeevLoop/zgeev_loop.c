#include "zgeev_loop.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The Fortran symbol of LAPACK (OpenBLAS); complex arrays as interleaved doubles. */
extern void zgeev_(const char *jobvl, const char *jobvr, const int *n, double *a, const int *lda,
                   double *w, double *vl, const int *ldvl, double *vr, const int *ldvr,
                   double *work, const int *lwork, double *rwork, int *info, long, long);

double kk_zgeev_loop(const double *matrices, long count, int n, double *values) {
    int lda = n, one = 1, info = 0, lwork = -1;
    double query[2], dummy[2];
    double *a = malloc(sizeof(double) * 2 * n * n);
    double *rwork = malloc(sizeof(double) * 2 * n);
    zgeev_("N", "N", &n, a, &lda, values, dummy, &one, dummy, &one, query, &lwork, rwork, &info, 1, 1);
    lwork = (int)query[0];
    double *work = malloc(sizeof(double) * 2 * (lwork > 2 * n ? lwork : 2 * n));
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long k = 0; k < count; k++) {
        /* zgeev overwrites its input: copy (36 pairs, negligible next to zgeev). */
        memcpy(a, matrices + 2 * n * n * k, sizeof(double) * 2 * n * n);
        zgeev_("N", "N", &n, a, &lda, values + 2 * n * k, dummy, &one, dummy, &one, work, &lwork, rwork, &info, 1, 1);
        if (info != 0) { free(a); free(rwork); free(work); return -1.0; }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    free(a); free(rwork); free(work);
    return (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
}
