/* SPDX-License-Identifier: MIT */
/* version.c - the library's version and the text of its status codes. */
#include "heavylegs.h"

const char *
hl_version(void)
{
	return HL_VERSION_STRING;
}

uint32_t
hl_version_number(void)
{
	return HL_VERSION_NUMBER;
}

const char *
hl_strerror(int code)
{
	switch (code) {
	case HL_OK:
		return "success";
	case HL_ENOMEM:
		return "out of memory";
	case HL_EINVAL:
		return "invalid argument";
	case HL_EIO:
		return "file could not be read";
	case HL_ESYNTAX:
		return "syntax error";
	case HL_ESCHEMA:
		return "invalid rulebase";
	case HL_EUNSUPPORTED:
		return "not supported by this version of the library";
	case HL_EINPUT:
		return "input value out of bounds or inconsistent";
	case HL_ERANGE:
		return "buffer too small";
	default:
		return "unknown error";
	}
}
