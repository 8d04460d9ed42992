# SPDX-License-Identifier: MIT
# mk/programs.mk - the programs hl-assess and hl-lint: their internal
# modules (examples/cli/), the installed default rulebase, and check-cli.

CLI_SRCS := $(wildcard examples/cli/*.c)
CLI_OBJS := $(CLI_SRCS:examples/cli/%.c=build/cli/%.o)
CLI_CFLAGS = $(BASE_CFLAGS) -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
	-Wundef -Wvla -Wformat=2 -Iinclude -Iexamples $(YAML_CFLAGS)

build/cli/%.o: examples/cli/%.c build/flags | need-yaml
	@mkdir -p $(@D)
	$(E) CC $@
	$(Q)$(CC) $(CLI_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

# The default rulebase's text for --dump-default-rules: the library's own
# generated source, compiled into the program (the library keeps it hidden).
build/cli/default_rules.o: $(GEN_RULES) build/flags
	@mkdir -p $(@D)
	$(E) CC $@
	$(Q)$(CC) $(BASE_CFLAGS) -Ilib -Iinclude $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

PROG_OBJS_hl-assess = $(CLI_OBJS) build/cli/default_rules.o $(YAML_LIBS)
examples/hl-assess: $(CLI_OBJS) build/cli/default_rules.o
PROG_OBJS_hl-lint = build/cli/progutil.o
examples/hl-lint: build/cli/progutil.o
EX_CFLAGS += -Iexamples

-include $(CLI_OBJS:.o=.d)

# The default rulebase, installed as the starting point for rule authors.
datadir ?= $(datarootdir)
rulesdir = $(datadir)/heavylegs

install: install-rules
install-rules:
	$(INSTALL) -d $(DESTDIR)$(rulesdir)
	$(INSTALL) -m 0644 rules/heavylegs.yaml $(DESTDIR)$(rulesdir)/heavylegs.yaml

uninstall: uninstall-rules
uninstall-rules:
	rm -f $(DESTDIR)$(rulesdir)/heavylegs.yaml
	-rmdir $(DESTDIR)$(rulesdir) 2>/dev/null

# The programs' tests: every option, format and exit status.
check: check-cli
check-cli: build/log/cli.log
	@echo "check-cli: hl-assess and hl-lint behave as documented"

build/log/cli.log: tests/cli/run.sh examples/hl-assess examples/hl-lint \
    $(wildcard tests/cli/data/*) man/man1/hl-assess.1 man/man1/hl-lint.1 FORCE
	@$(call run_log,sh tests/cli/run.sh)

ifneq ($(filter check,$(MAKECMDGOALS)),)
demo: | check-cli
endif

.PHONY: install-rules uninstall-rules check-cli
