# se: the self-evaluation toolkit.  One non-recursive Makefile; `make -j` safe.
VERSION  = 0.1.0
# The release date every man page carries (.Dd); test/manlint.sh checks
# that each one says it.
RELEASE_DATE = December 2, 2026
SOVER    = 0
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
CC      ?= cc
CFLAGS  ?= -O2 -g
DEVWARN ?= -Werror
WARN     = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wvla
# Evaluated when used, so `make deps` can install them first.
DEPS_CFLAGS = $(shell pkg-config --cflags yaml-0.1 libcmark 2>/dev/null)
DEPS_LIBS   = $(shell pkg-config --libs yaml-0.1 libcmark 2>/dev/null || echo -lyaml -lcmark)
ALL_CFLAGS  = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(DEVWARN) \
              -DSE_VERSION='"$(VERSION)"' -DSE_DATADIR='"$(DATADIR)/se"' \
              -Ilib $(DEPS_CFLAGS) $(CPPFLAGS) $(CFLAGS)
LIBS        = $(DEPS_LIBS) -lcsv -lm -pthread

B        = build
LIB_SRC  = $(sort $(wildcard lib/*.c))
LIB_OBJ  = $(LIB_SRC:lib/%.c=$(B)/lib/%.o)
LIB_PIC  = $(LIB_SRC:lib/%.c=$(B)/pic/%.o)
CMD_SRC  = $(sort $(wildcard cmd/se-*.c))
CMDS     = $(CMD_SRC:cmd/%.c=$(B)/bin/%)
TEST_SRC = $(sort $(wildcard test/test_*.c))
TESTS    = $(TEST_SRC:test/%.c=$(B)/test/%)
FUZZ_SRC = $(sort $(wildcard test/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60

all: deps-checked $(B)/libse.a $(B)/libse.so.$(VERSION) $(CMDS)

# Quiet by default: one line a step ("  CC     build/lib/yaml.o");
# `make V=1` shows the commands.
V ?= 0
ifeq ($(V),1)
Q   =
SAY = @:
else
Q   = @
SAY = @printf '  %-6s %s\n'
endif

# ---- dependencies --------------------------------------------------------
# `make` and `make install` only check the build dependencies and say how
# to get them; `make deps` installs them (apt-get, as root), and so do
# `make demo` and `make check`, the README's quick start.
ifneq ($(filter demo check,$(MAKECMDGOALS)),)
DEPS_MODE = --install
endif
deps:
	@sh test/deps.sh --install
deps-checked:
	@sh test/deps.sh $(DEPS_MODE)
.PHONY: deps deps-checked

# ---- library and commands ------------------------------------------------
# The installed formats' directory is compiled in; rebuild when it changes.
$(B)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' > $@.tmp; cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp
FORCE:
$(B)/lib/%.o: lib/%.c $(wildcard lib/*.h) $(B)/datadir.stamp | deps-checked
	@mkdir -p $(@D)
	$(SAY) CC $@
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<
$(B)/pic/%.o: lib/%.c $(wildcard lib/*.h) $(B)/datadir.stamp | deps-checked
	@mkdir -p $(@D)
	$(SAY) CC $@
	$(Q)$(CC) $(ALL_CFLAGS) -fPIC -c -o $@ $<
$(B)/libse.a: $(LIB_OBJ)
	$(SAY) AR $@
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $(LIB_OBJ)
$(B)/libse.so.$(VERSION): $(LIB_PIC)
	$(SAY) LD $@
	$(Q)$(CC) -shared -Wl,-soname,libse.so.$(SOVER) $(LDFLAGS) -o $@ $(LIB_PIC) $(LIBS)
	$(Q)ln -sf libse.so.$(VERSION) $(B)/libse.so.$(SOVER)
	$(Q)ln -sf libse.so.$(SOVER) $(B)/libse.so
$(B)/bin/%: cmd/%.c $(B)/libse.a lib/se.h
	@mkdir -p $(@D)
	$(SAY) CCLD $@
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libse.a $(LIBS)

# ---- tests ---------------------------------------------------------------
$(B)/test/%: test/%.c $(wildcard test/*.h) $(B)/libse.a
	@mkdir -p $(@D)
	$(SAY) CCLD $@
	$(Q)$(CC) $(ALL_CFLAGS) -Itest $(LDFLAGS) -o $@ $< $(B)/libse.a $(LIBS)

# The parse checkers: a strict JSON checker (test/jsoncheck.c, also linked
# by the fuzz targets) and parsecheck, which reads a machine output with it,
# libyaml or libcsv, as a script would (test/golden.sh, test/machine.sh).
$(B)/test/jsoncheck.o: test/jsoncheck.c test/jsoncheck.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itest -c -o $@ test/jsoncheck.c
$(B)/test/parsecheck: test/parsecheck.c $(B)/test/jsoncheck.o
	$(CC) $(ALL_CFLAGS) -Itest $(LDFLAGS) -o $@ test/parsecheck.c \
	  $(B)/test/jsoncheck.o $(LIBS)
$(B)/test/test_jsoncheck: test/test_jsoncheck.c $(B)/test/jsoncheck.o \
    $(wildcard test/*.h) $(B)/libse.a
	$(CC) $(ALL_CFLAGS) -Itest $(LDFLAGS) -o $@ test/test_jsoncheck.c \
	  $(B)/test/jsoncheck.o $(B)/libse.a $(LIBS)

check: all $(TESTS) $(B)/test/parsecheck
	@SE_BUILD=$(B) sh test/run.sh $(TESTS)

# Every HTML report of examples/ in headless Chromium: printed to A4 PDF
# and measured on a 1280 px screen (test/browser.sh; installs chromium
# and poppler-utils with apt-get when run as root and they are missing).
check-browser: all
	@SE_BUILD=$(B) sh test/browser.sh

# Same tests, built with sanitizers in their own tree.
check-asan:
	$(MAKE) B=build-asan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" check

# Same tests under ThreadSanitizer, for what runs on several threads
# (lib/pipe.c: reading CSV ahead, the CSV table; test/threads.sh drives
# both on a big extract); time bounds 20 times longer.
check-tsan:
	SE_TEST_SLOW=20 TSAN_OPTIONS="halt_on_error=1" $(MAKE) B=build-tsan \
	  CC=clang CFLAGS="-O1 -g -fsanitize=thread" LDFLAGS="-fsanitize=thread" check

# Same tests with every unit test and every command of the golden tests
# (the examples among them) under valgrind; time bounds 50 times longer.
check-valgrind: all $(TESTS) $(B)/test/parsecheck
	@SE_BUILD=$(B) SE_TEST_SLOW=50 \
	  SE_VALGRIND="valgrind -q --leak-check=full --error-exitcode=99" \
	  sh test/run.sh $(TESTS)

# libFuzzer targets: one per loader, run from the corpus kept in test/fuzz/.
fuzz:
	$(MAKE) B=build-fuzz CC=clang \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
	  build-fuzz/libse.a
	@sh test/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_SRC)

# ---- install -------------------------------------------------------------
MAN1 = $(sort $(wildcard man/*.1))
MAN3 = $(sort $(wildcard man/*.3))
MAN5 = $(sort $(wildcard man/*.5))
MAN7 = $(sort $(wildcard man/*.7))
CMD_NAMES = $(CMD_SRC:cmd/%.c=%)

$(B)/se.pc: Makefile
	@mkdir -p $(@D)
	$(SAY) GEN $@
	$(Q)printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCDIR)' '' \
	  'Name: se' 'Description: libse, the self-evaluation toolkit library' \
	  'Version: $(VERSION)' 'Requires.private: yaml-0.1 libcmark' \
	  'Libs: -L$${libdir} -lse' 'Libs.private: -lcsv -lm -pthread' \
	  'Cflags: -I$${includedir}' > $@

install: all $(B)/se.pc
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCDIR) \
	  $(DESTDIR)$(DATADIR)/se $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 \
	  $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
	  $(DESTDIR)$(DATADIR)/bash-completion/completions $(DESTDIR)$(DATADIR)/zsh/site-functions
	for c in $(CMD_NAMES); do cp $(B)/bin/$$c $(DESTDIR)$(BINDIR)/$$c; done
	cp $(B)/libse.a $(B)/libse.so.$(VERSION) $(DESTDIR)$(LIBDIR)/
	ln -sf libse.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libse.so.$(SOVER)
	ln -sf libse.so.$(SOVER) $(DESTDIR)$(LIBDIR)/libse.so
	cp lib/se.h $(DESTDIR)$(INCDIR)/se.h
	cp $(B)/se.pc $(DESTDIR)$(LIBDIR)/pkgconfig/se.pc
	rm -rf $(DESTDIR)$(DATADIR)/se/formats $(DESTDIR)$(DATADIR)/se/ci
	cp -R formats $(DESTDIR)$(DATADIR)/se/formats
	cp -R examples/ci $(DESTDIR)$(DATADIR)/se/ci
	for m in $(MAN1); do cp $$m $(DESTDIR)$(MANDIR)/man1/; done
	for m in $(MAN3); do cp $$m $(DESTDIR)$(MANDIR)/man3/; done
	for m in $(MAN5); do cp $$m $(DESTDIR)$(MANDIR)/man5/; done
	for m in $(MAN7); do cp $$m $(DESTDIR)$(MANDIR)/man7/; done
	for c in $(CMD_NAMES); do \
	  if [ -f cmd/completions/$$c.bash ]; then cp cmd/completions/$$c.bash $(DESTDIR)$(DATADIR)/bash-completion/completions/$$c; fi; \
	  if [ -f cmd/completions/_$$c ]; then cp cmd/completions/_$$c $(DESTDIR)$(DATADIR)/zsh/site-functions/_$$c; fi; \
	done

uninstall:
	for c in $(CMD_NAMES); do rm -f $(DESTDIR)$(BINDIR)/$$c \
	  $(DESTDIR)$(DATADIR)/bash-completion/completions/$$c \
	  $(DESTDIR)$(DATADIR)/zsh/site-functions/_$$c; done
	rm -f $(DESTDIR)$(LIBDIR)/libse.a $(DESTDIR)$(LIBDIR)/libse.so.$(VERSION) \
	  $(DESTDIR)$(LIBDIR)/libse.so.$(SOVER) $(DESTDIR)$(LIBDIR)/libse.so \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/se.pc $(DESTDIR)$(INCDIR)/se.h
	rm -rf $(DESTDIR)$(DATADIR)/se
	for m in $(MAN1) $(MAN3) $(MAN5) $(MAN7); do \
	  s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done

# A tarball of what git tracks, which builds and passes `make check` alone.
dist:
	rm -rf $(B)/dist && mkdir -p $(B)/dist
	git archive --format=tar --prefix=se-$(VERSION)/ HEAD | gzip -9 > $(B)/dist/se-$(VERSION).tar.gz
	@echo $(B)/dist/se-$(VERSION).tar.gz

demo: all
	@sh test/demo.sh $(B)

golden-update: all
	@SE_BUILD=$(B) SE_GOLDEN_UPDATE=1 sh test/golden.sh

format:
	clang-format -i lib/*.c lib/*.h cmd/*.c test/*.c test/*.h

clean:
	rm -rf build build-asan build-fuzz build-tsan

.PHONY: FORCE all check check-browser check-asan check-tsan check-valgrind fuzz demo golden-update format clean install uninstall dist
