/* SPDX-License-Identifier: MIT */
/* check_main.h - the main() every Check test program shares. */
#ifndef HL_CHECK_MAIN_H
#define HL_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

/*
 * Run one suite in fork mode (a crash fails one test, not the run) and exit
 * non-zero if anything failed.  CK_FORK=no in the environment is honoured,
 * for valgrind.
 */
#define HL_CHECK_MAIN(make_suite)					\
int									\
main(void)								\
{									\
	SRunner *sr;							\
	int failed;							\
									\
	sr = srunner_create(make_suite());				\
	srunner_run_all(sr, CK_ENV);					\
	failed = srunner_ntests_failed(sr);				\
	srunner_free(sr);						\
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;			\
}

#endif
