# se: the self-evaluation toolkit.  One non-recursive Makefile; `make -j` safe.
VERSION  = 0.1.0
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
LIBS        = $(DEPS_LIBS) -lcsv -lm

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

# ---- dependencies --------------------------------------------------------
deps: deps-checked
deps-checked:
	@sh test/deps.sh
.PHONY: deps deps-checked

# ---- library and commands ------------------------------------------------
$(B)/lib/%.o: lib/%.c lib/se.h lib/internal.h | deps-checked
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
$(B)/pic/%.o: lib/%.c lib/se.h lib/internal.h | deps-checked
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC -c -o $@ $<
$(B)/libse.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)
$(B)/libse.so.$(VERSION): $(LIB_PIC)
	$(CC) -shared -Wl,-soname,libse.so.$(SOVER) $(LDFLAGS) -o $@ $(LIB_PIC) $(LIBS)
	ln -sf libse.so.$(VERSION) $(B)/libse.so.$(SOVER)
	ln -sf libse.so.$(SOVER) $(B)/libse.so
$(B)/bin/%: cmd/%.c $(B)/libse.a lib/se.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libse.a $(LIBS)

# ---- tests ---------------------------------------------------------------
$(B)/test/%: test/%.c test/unit.h $(B)/libse.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itest $(LDFLAGS) -o $@ $< $(B)/libse.a $(LIBS)

check: all $(TESTS)
	@SE_BUILD=$(B) sh test/run.sh $(TESTS)

# Same tests, built with sanitizers in their own tree.
check-asan:
	$(MAKE) B=build-asan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" check

check-valgrind: all $(TESTS)
	@SE_BUILD=$(B) SE_VALGRIND="valgrind -q --leak-check=full --error-exitcode=99" \
	  sh test/run.sh $(TESTS)

# libFuzzer targets: one per loader, run from the corpus kept in test/fuzz/.
fuzz:
	$(MAKE) B=build-fuzz CC=clang \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
	  build-fuzz/libse.a
	@sh test/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_SRC)

demo: all
	@sh test/demo.sh $(B)

golden-update: all
	@SE_BUILD=$(B) SE_GOLDEN_UPDATE=1 sh test/golden.sh

format:
	clang-format -i lib/*.c lib/*.h cmd/*.c test/*.c test/*.h

clean:
	rm -rf build build-asan build-fuzz

.PHONY: all check check-asan check-valgrind fuzz demo golden-update format clean
