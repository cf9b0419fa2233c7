#!/bin/sh
# test/ci.sh: the shipped pre-commit hook and CI check (examples/ci/) in
# a scratch git repository: what is staged is checked, not the working
# copy; a README is allowed; names with spaces work; the repository's
# catalogue is used.  Prints TAP lines "ok - ci ...".  SE_BUILD names the
# build tree.
B=${SE_BUILD:-build}
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
if ! command -v git >/dev/null 2>&1; then
	echo "ok - ci pre-commit hook # SKIP no git"
	exit 0
fi
PATH=$ROOT/$B/bin:$PATH
export PATH
unset NO_COLOR SE_FORMATS GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE
export LC_ALL=C TZ=UTC
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export GIT_CONFIG_NOSYSTEM=1 HOME=${TMPDIR:-/tmp}
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2
git init -q repo && cd repo || exit 2
cp "$ROOT/examples/ci/pre-commit" "$ROOT/examples/ci/se-check" .git/hooks/

plan() { # plan [bad]: a plan that validates, or one with no priority
	printf 'kind: plan\nframework: shared\nauthority: Anyshire\n'
	printf 'actions:\n  - id: AP-01\n'
	[ "$1" = bad ] || printf '    priority: Early help\n'
	printf '    action: Recruit two coordinators\n'
	printf '    owner: Head of Early Help\n    due: 2019-03-31\n'
	printf '    status: in progress\n'
}

# commit LABEL WANT: commit what is staged; WANT is ok or refused.
commit() {
	label=$1 want=$2
	if git commit -q -m "$label" > ../out 2>&1; then got=ok; else got=refused; fi
	if [ "$got" = "$want" ]; then
		echo "ok - ci pre-commit $label"
	else
		echo "not ok - ci pre-commit $label: $got, expected $want"
		sed 's/^/# /' ../out | head -n 10
	fi
}

# says LABEL PATTERN: the last run's output matches PATTERN.
says() {
	if grep -q "$2" ../out; then
		echo "ok - ci pre-commit $1"
	else
		echo "not ok - ci pre-commit $1"
		sed 's/^/# /' ../out | head -n 10
	fi
}

printf '# Evaluations\n\nOur self-evaluations and plans.\n' > README.md
mkdir -p "plans/2019 plans" evidence
printf 'Notes of the audit, March 2019.\n' > "evidence/audit notes.md"
git add README.md "evidence/audit notes.md"
commit "allows a README and an evidence note with no kind" ok

plan > "plans/2019 plans/my plan.yaml"
git add "plans/2019 plans/my plan.yaml"
commit "checks a plan whose name has spaces" ok

# A bad plan staged, then fixed in the working copy only.
plan bad > "plans/2019 plans/my plan.yaml"
git add "plans/2019 plans/my plan.yaml"
{ plan; echo '# priority added'; } > "plans/2019 plans/my plan.yaml"
commit "refuses a staged bad plan while the working copy is fixed" refused
says "names the staged file and its problem" "my plan.yaml:.*error:.*priority"
git add "plans/2019 plans/my plan.yaml"
commit "accepts the plan once the fix is staged" ok

# A staged plan that cannot be parsed, among files with no kind.
printf 'kind: plan\nactions: [\n' > plans/broken.yaml
git add plans/broken.yaml
commit "refuses a staged file that cannot be parsed" refused
git rm -q --cached plans/broken.yaml
rm plans/broken.yaml

# The repository's catalogue: an unknown indicator:ID is refused.
mkdir data
printf 'kind: indicators\nindicators:\n  - id: CSC-001\n    title: Contacts\n    polarity: none\n    unit: rate\n' > data/indicators.yaml
git add data/indicators.yaml
commit "accepts a catalogue" ok
plan | sed 's/    action: Recruit two coordinators/    action: Recruit two coordinators (indicator:CSC-999)/' > plans/cited.yaml
git add plans/cited.yaml
commit "checks indicator:ID against the repository's catalogue" refused
says "says which indicator is unknown" "CSC-999"
git rm -q --cached plans/cited.yaml
rm plans/cited.yaml

# A change to other files only: nothing to check.
printf 'x\n' > notes.txt
git add notes.txt
commit "lets a commit with no documents through" ok

# The CI check on the committed tree: status 0, and 1 with a bad file.
if sh .git/hooks/se-check -F github . > ../out 2>&1; then
	echo "ok - ci se-check passes a valid repository"
else
	echo "not ok - ci se-check passes a valid repository"
	sed 's/^/# /' ../out | head -n 10
fi
plan bad > "plans/2019 plans/other plan.yaml"
sh .git/hooks/se-check -F github . > ../out 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q '^::error file=./plans/2019 plans/other plan.yaml' ../out; then
	echo "ok - ci se-check reports a bad plan with a name with spaces"
else
	echo "not ok - ci se-check reports a bad plan with a name with spaces: status $rc"
	sed 's/^/# /' ../out | head -n 10
fi
