# dossier — the two commands of the README are `make demo` and `make test`.
SWIFT   ?= swift
PREFIX  ?= /usr/local
OUT     ?= out
# System libraries (SPEC §2) and what the tests use: setpriv (util-linux) and independent judges of sealed
# zips (unzip, 7z, bagit.py from PyPI in a venv under .build/).
APT_PACKAGES = libjpeg-dev libxml2-dev zlib1g-dev libopencv-objdetect-dev opencv-data libavformat-dev libavcodec-dev libswscale-dev libavutil-dev pkg-config util-linux unzip p7zip-full python3 python3-venv libsqlite3-dev
# The browser tests of `dossier serve` drive Debian's headless Chromium through chromedriver (they say they are
# skipped without them); the CJK fonts make the pages' screenshots readable; `serve --open` goes through xdg-open.
BROWSER_APT_PACKAGES = chromium chromium-driver fonts-noto-cjk xdg-utils
# Benchmarks compare against these reference tools.
DEMO_AS_OF = 2021-06-18
FUZZ_SECONDS ?= 600
BENCH_APT_PACKAGES = jpeginfo libjpeg-turbo-progs time ffmpeg zip openssl gcc

.PHONY: all deps bench-deps browser-deps test-tools lint build demo test bench fuzz fuzz-each install package check-deb samples fixtures clean

all: build

# Installs missing system packages with apt-get when run as root; otherwise says what to install.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing system packages:$$missing — run: sudo apt-get install$$missing"; exit 1; fi; fi

bench-deps: deps
	@missing=""; for p in $(BENCH_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing:$$missing — run: sudo apt-get install$$missing"; exit 1; fi; fi
	@python3 -c 'import PIL, numpy, docx, openpyxl' 2>/dev/null || python3 -m pip install -q pillow numpy python-docx openpyxl

# Linked as the package is (the Swift runtime static), so that what `make bench` measures is what a clerk runs.
build: deps
	$(SWIFT) build -c release --static-swift-stdlib

# Builds, checks the valid sample (passes) and a faulty one (fails, as it must), seals the valid one into out/
# and verifies the seal with its fingerprint, as the campaign office would.
demo: build
	@mkdir -p $(OUT)
	@echo "(judged as of $(DEMO_AS_OF), before the notice's deadline of 2021-06-20; without --as-of, today is used)"
	@echo "== dossier check Samples/valid/湖北省科协 --as-of $(DEMO_AS_OF)"
	@.build/release/dossier check Samples/valid/湖北省科协 --as-of $(DEMO_AS_OF)
	@echo "== dossier check Samples/photo-problems/中国化学会 --as-of $(DEMO_AS_OF) (this one must fail)"
	@.build/release/dossier check Samples/photo-problems/中国化学会 --as-of $(DEMO_AS_OF) || echo "(exit code $$?: problems found, as this sample intends)"
	@echo "== dossier seal Samples/valid/湖北省科协 -o $(OUT)/湖北省科协.zip --as-of $(DEMO_AS_OF)"
	@.build/release/dossier seal Samples/valid/湖北省科协 -o $(OUT)/湖北省科协.zip --as-of $(DEMO_AS_OF) --quiet | tee $(OUT)/seal.txt
	@echo "== dossier verify $(OUT)/湖北省科协.zip --fingerprint …"
	@.build/release/dossier verify $(OUT)/湖北省科协.zip --as-of $(DEMO_AS_OF) --fingerprint "$$(tail -1 $(OUT)/seal.txt | sed 's/.*：//')"
	@echo "== dossier intake $(OUT)/湖北省科协.zip --archive $(OUT)/archive (the office receives it)"
	@.build/release/dossier intake $(OUT)/湖北省科协.zip --archive $(OUT)/archive --as-of $(DEMO_AS_OF) --quiet
	@.build/release/dossier check Samples --as-of $(DEMO_AS_OF) --format json -o $(OUT)/samples-report.json || true
	@echo "written: $(OUT)/湖北省科协.zip (sealed), $(OUT)/archive/ (the office's archive and ledger.sqlite), $(OUT)/samples-report.json (JSON report of every sample)"

# Installs the browser when run as root; otherwise the browser tests are skipped, and this says how to have them.
browser-deps:
	@missing=""; for p in $(BROWSER_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "browser tests will be skipped; to run them: sudo apt-get install$$missing"; fi; fi

test-tools: deps browser-deps
	@test -x .build/tools-venv/bin/bagit.py -a -x .build/tools-venv/bin/python -a -f .build/tools-venv/.tools-2 || { mkdir -p .build && python3 -m venv .build/tools-venv && .build/tools-venv/bin/pip install -q bagit jsonschema junitparser python-docx openpyxl && touch .build/tools-venv/.tools-2; }

# House style (.swift-format; STYLE.md): formatting is checked before the tests.
lint:
	$(SWIFT) format lint --strict -r Sources Tests

test: test-tools lint
	$(SWIFT) build
	$(SWIFT) test

# Performance, measured against reference tools in the same run (never in tests).
bench: bench-deps test-tools build
	python3 scripts/bench.py

# Fuzzes the parsers (JPEG, MP4 with FFmpeg's frame decoding, zip, docx, xlsx, XML; Fuzz/) with libFuzzer, AddressSanitizer and a mutator that
# knows the formats' length fields, for FUZZ_SECONDS, from seeds made of Tests/Fixtures (whole, up to 1 MiB) and
# boundary-value seeds (scripts/fuzz-corpus.py). FUZZ_ONLY=N fuzzes one parser (0 JPEG, 1 MP4, 2 zip, 3 docx,
# 4 xlsx, 5 XML); `make fuzz-each` runs every parser in turn. A crash leaves its input in .build/fuzz-crash-*.
FUZZ_ONLY ?=
FUZZ_MAX_LEN ?= 1048576
fuzz: deps
	cd Fuzz && $(SWIFT) build -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address
	python3 scripts/fuzz-corpus.py .build/fuzz-seeds
	@mkdir -p .build/fuzz-corpus$(FUZZ_ONLY)
	FUZZ_ONLY=$(FUZZ_ONLY) SWIFT_BACKTRACE=enable=no Fuzz/.build/release/FuzzInspect .build/fuzz-corpus$(FUZZ_ONLY) \
	  $(if $(FUZZ_ONLY),.build/fuzz-seeds/$(FUZZ_ONLY),.build/fuzz-seeds/*) -max_len=$(FUZZ_MAX_LEN) -rss_limit_mb=2048 \
	  -timeout=10 -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -artifact_prefix=.build/fuzz-crash-$(FUZZ_ONLY)-

fuzz-each:
	for n in 0 1 2 3 4 5; do $(MAKE) fuzz FUZZ_ONLY=$$n || exit 1; done

install: build
	install -d $(PREFIX)/bin $(PREFIX)/share/dossier/rules
	install -m 755 .build/release/dossier $(PREFIX)/bin/dossier
	cp -R rules/. $(PREFIX)/share/dossier/rules/

# dossier_VERSION_amd64.deb: static Swift runtime, rules, man pages (en, zh_CN), completions, the desktop entry,
# computed Depends.
package: deps
	@command -v dpkg-shlibdeps >/dev/null || { echo "needs dpkg-dev: sudo apt-get install dpkg-dev"; exit 1; }
	@command -v desktop-file-validate >/dev/null || { echo "needs desktop-file-utils: sudo apt-get install desktop-file-utils"; exit 1; }
	SWIFT=$(SWIFT) scripts/make-deb.sh

# The package's own check (lintian; install, use and purge in a clean Debian 12 root made with debootstrap). Needs
# root and the network, takes minutes: not part of `make test`.
check-deb:
	scripts/check-deb.sh

# Regenerates the committed samples and fixtures (needs: pip install pillow python-docx openpyxl numpy).
samples:
	python3 scripts/make-samples.py
fixtures:
	python3 scripts/make-fixtures.py

clean:
	rm -rf .build $(OUT)
