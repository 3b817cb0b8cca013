#!/usr/bin/env bash
# ECG Attribution Lab: build the library and execute the numbered notebooks headlessly.
#
#   notebooks/run.sh                 main job: every notebook at full size -> build/notebooks/*.html
#   notebooks/run.sh --smoke         the same at the small "smoke" size (ECGLAB_SIZE=smoke)
#   notebooks/run.sh --test          all tests: mvn verify, the runner's own tests, notebooks at smoke size
#   notebooks/run.sh --kernel NAME   use an installed kernel (e.g. IJava) instead of our rapaio kernel
#   notebooks/run.sh [...] notebooks/03-*.ipynb   only the notebooks given
#
# Run `notebooks/run.sh --help` for the options and environment variables.
set -euo pipefail

RJK_VERSION=3.0.1
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1  # pinned in the parent POM
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$(mkdir -p "${ECGLAB_BUILD:-$ROOT/build}" && cd "${ECGLAB_BUILD:-$ROOT/build}" && pwd)"
START_SECONDS=$SECONDS
MVN=(mvn -B -ntp -Dstyle.color=never -f "$ROOT/pom.xml")  # no colour codes in logs

usage() {
  cat <<EOF
Usage: notebooks/run.sh [--smoke | --test] [--kernel NAME] [--no-build] [NOTEBOOK.ipynb ...]

  (no option)      build the library, then run every notebooks/[0-9][0-9]-*.ipynb at full size
  --smoke          the same with ECGLAB_SIZE=smoke (small sizes, a few minutes)
  --test           all tests: mvn -B -ntp verify, the runner's own tests, then the notebooks at smoke size
  --kernel NAME    run on the installed Jupyter kernel NAME (e.g. an IJava kernel) instead of
                   installing ours; the classpath is passed as IJAVA_CLASSPATH and RJK_CLASSPATH;
                   warns when the kernel spec's env overrides a variable, fails on a bad classpath
  --no-build       skip Maven (the library must already be built by an earlier run)
  -h, --help       this help

Outputs: build/notebooks/NAME.ipynb (executed), NAME.html (self-contained), logs/NAME.kernel.log.

Environment (defaults in brackets):
  ECGLAB_SIZE                    notebook size, smoke or full [full; --smoke/--test set smoke]
  ECGLAB_BUILD                   build directory [$ROOT/build]
  ECGLAB_THREADS                 PyTorch intra-op threads of the kernel, read by the library [1]
  ECGLAB_KERNEL_HEAP             kernel JVM -Xmx [1g]
  ECGLAB_KERNEL_JAVA_OPTS        extra JVM options for the kernel []
  ECGLAB_CELL_TIMEOUT            seconds allowed per cell [1800]
  ECGLAB_KERNEL_STARTUP_TIMEOUT  seconds for a kernel to answer before it is restarted; 4x on the last attempt [15]
  ECGLAB_KERNEL_ATTEMPTS         kernel start attempts per notebook [5]
  ECGLAB_OVERALL_TIMEOUT         seconds for all notebooks [21600, smoke 1500]
  ECGLAB_PYTHON                  Python with nbclient/nbconvert [/usr/bin/python3, then python3]
EOF
}

die() { echo "run.sh: ERROR: $*" >&2; exit 1; }
step() { printf '==> %s  [%ds]\n' "$*" "$((SECONDS - START_SECONDS))"; }

mode=main kernel="" build_lib=1 notebooks=()
while (($#)); do
  case "$1" in
    --smoke) mode=smoke ;;
    --test) mode=test ;;
    --kernel) (($# >= 2)) || die "--kernel needs a kernel name"; kernel="$2"; shift ;;
    --kernel=*) kernel="${1#--kernel=}" ;;
    --no-build) build_lib=0 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option: $1" ;;
    *) [[ -f "$1" ]] || die "notebook not found: $1"; notebooks+=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")") ;;
  esac
  shift
done

# --- tools ----------------------------------------------------------------------------------
has_jupyter() { "$1" -c 'import nbclient, nbconvert, nbformat, jupyter_client' >/dev/null 2>&1; }

find_python() {
  local candidate
  for candidate in "${ECGLAB_PYTHON:-}" /usr/bin/python3 "$(command -v python3 || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]] && has_jupyter "$candidate"; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

ensure_python() {
  if PY="$(find_python)"; then return 0; fi
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    step "Installing Jupyter's notebook tools with apt (jupyter-nbconvert jupyter-client)"
    apt-get update </dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      jupyter-nbconvert jupyter-client </dev/null
    PY="$(find_python)" && return 0
  fi
  cat >&2 <<'EOF'
run.sh: ERROR: no Python with nbclient, nbconvert, nbformat and jupyter_client was found.
Install them with one of:
  Debian/Ubuntu:  sudo apt-get install jupyter-nbconvert jupyter-client
  conda:          conda env create -f environment.yml && conda activate ecglab
  pip:            python3 -m pip install nbclient nbconvert nbformat jupyter_client
or point ECGLAB_PYTHON at a Python that has them.
EOF
  exit 1
}

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null; then readlink -f "$(command -v java)"
  else return 1; fi
}

ensure_java() {
  JAVA="$(java_bin)" || die "no java found: install a JDK 17 or later (Debian: openjdk-17-jdk-headless; conda: see environment.yml)"
  local spec
  spec="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  [[ "${spec%%.*}" =~ ^[0-9]+$ && "${spec%%.*}" -ge 17 ]] || die "$JAVA is Java '$spec'; Java 17 or later is required"
  command -v mvn >/dev/null || die "Maven (mvn) not found: install it (Debian: maven; conda: see environment.yml)"
}

# --- build ----------------------------------------------------------------------------------
build_library() {
  rm -rf "$ROOT/lib/target/dependency"  # no stale jars on the kernel's classpath
  local copy=("$DEP_PLUGIN:copy-dependencies" -DincludeScope=runtime)
  if [[ $mode == test ]]; then
    step "Unit tests: mvn -B -ntp verify"
    "${MVN[@]}" verify "${copy[@]}"
  else
    step "Building the library: mvn -B -ntp -q -DskipTests package"
    "${MVN[@]}" -q -DskipTests package "${copy[@]}"
  fi
}

fetch_kernel() {
  KERNEL_JAR="$BUILD/kernel/rapaio-jupyter-kernel-$RJK_VERSION.jar"
  [[ -f "$KERNEL_JAR" ]] && return 0
  step "Fetching io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION from Maven Central"
  "${MVN[@]}" -q -N "$DEP_PLUGIN:copy" \
    -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION" -DoutputDirectory="$BUILD/kernel"
  [[ -f "$KERNEL_JAR" ]] || die "kernel jar missing after download: $KERNEL_JAR"
}

# Classpath entries; globs unless the path itself contains glob characters.
classpath_entries() {
  local dep="$ROOT/lib/target/dependency"
  [[ -d "$ROOT/lib/target/classes" && -d "$dep" ]] || die "library not built ($dep missing); run without --no-build"
  echo "$ROOT/lib/target/classes"
  if [[ "$dep" == *[][*?{}]* ]]; then ls -1 "$dep"/*.jar; else echo "$dep/*.jar"; fi
}

write_kernel_spec() {
  local args=() entry opt
  while IFS= read -r entry; do args+=(--classpath "$entry"); done < <(classpath_entries)
  for opt in "${KERNEL_JAVA_OPTS[@]}"; do args+=("--jvm-option=$opt"); done
  "$PY" "$ROOT/notebooks/kernelspec.py" --kernel-dir "$BUILD/jupyter/kernels/java" \
    --java "$JAVA" --jar "$KERNEL_JAR" --mima-cache "$BUILD/kernel/mima-cache" \
    --display-name "Java (ECG Attribution Lab, rjk $RJK_VERSION)" "${args[@]}" \
    --env "ECGLAB_HOME=$ROOT" --env "ECGLAB_BUILD=$BUILD" --env "ECGLAB_THREADS=$THREADS" \
    --env OMP_WAIT_POLICY=PASSIVE
}

# --- main -----------------------------------------------------------------------------------
ensure_python
ensure_java
THREADS="${ECGLAB_THREADS:-1}"
[[ "$THREADS" =~ ^[1-9][0-9]*$ ]] || die "ECGLAB_THREADS must be a positive integer, got '$THREADS'"
# No DJL options: the library sets its own threads, offline mode and log levels when a notebook calls
# Lab.start() (ECGLAB_THREADS reaches it through the environment), so a notebook gives the same numbers
# here as in a kernel started without our options. OMP_WAIT_POLICY can only come from the environment.
KERNEL_JAVA_OPTS=("-Xmx${ECGLAB_KERNEL_HEAP:-1g}" -Djava.awt.headless=true -Dfile.encoding=UTF-8)
read -r -a extra_opts <<<"${ECGLAB_KERNEL_JAVA_OPTS:-}"
KERNEL_JAVA_OPTS+=("${extra_opts[@]}")

if ((build_lib)); then build_library; fi
if [[ $mode == test ]]; then
  step "Runner tests: $PY -m unittest discover -s notebooks/tests"
  "$PY" -m unittest discover -s "$ROOT/notebooks/tests"
fi

export ECGLAB_HOME="$ROOT" ECGLAB_BUILD="$BUILD"
if [[ $mode == main ]]; then export ECGLAB_SIZE="${ECGLAB_SIZE:-full}"; else export ECGLAB_SIZE=smoke; fi

if [[ -z "$kernel" ]]; then
  kernel=java
  fetch_kernel
  write_kernel_spec
  # Our spec comes first; nothing is written to the user's Jupyter directories.
  export JUPYTER_PATH="$BUILD/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}" JUPYTER_DATA_DIR="$BUILD/jupyter"
else
  # Someone else's kernel: everything goes through the environment it inherits.
  mapfile -t entries < <(classpath_entries)
  IJAVA_CLASSPATH="$(IFS=:; echo "${entries[*]}")"
  RJK_CLASSPATH="$(IFS=';'; echo "${entries[*]}")"
  JAVA_TOOL_OPTIONS="${KERNEL_JAVA_OPTS[*]}${JAVA_TOOL_OPTIONS:+ $JAVA_TOOL_OPTIONS}"
  export IJAVA_CLASSPATH RJK_CLASSPATH JAVA_TOOL_OPTIONS ECGLAB_THREADS="$THREADS" OMP_WAIT_POLICY=PASSIVE
  # A kernel spec's own env wins over ours: say so, and check the classpath the kernel will really see.
  step "Checking kernel spec '$kernel'"
  "$PY" "$ROOT/notebooks/kernelcheck.py" --kernel "$kernel" IJAVA_CLASSPATH RJK_CLASSPATH JAVA_TOOL_OPTIONS \
    ECGLAB_HOME ECGLAB_BUILD ECGLAB_SIZE ECGLAB_THREADS OMP_WAIT_POLICY \
    || die "kernel '$kernel' cannot start with this classpath (see above)"
fi

if ((${#notebooks[@]} == 0)); then
  mapfile -t notebooks < <(LC_ALL=C compgen -G "$ROOT/notebooks/[0-9][0-9]-*.ipynb" | LC_ALL=C sort)
  ((${#notebooks[@]})) || die "no notebooks matching notebooks/[0-9][0-9]-*.ipynb"
fi
overall_default=21600
[[ $mode == main ]] || overall_default=1500

step "Executing ${#notebooks[@]} notebook(s), ECGLAB_SIZE=$ECGLAB_SIZE, kernel '$kernel'"
"$PY" "$ROOT/notebooks/execute.py" --kernel "$kernel" --out-dir "$BUILD/notebooks" \
  --cell-timeout "${ECGLAB_CELL_TIMEOUT:-1800}" \
  --startup-timeout "${ECGLAB_KERNEL_STARTUP_TIMEOUT:-15}" \
  --attempts "${ECGLAB_KERNEL_ATTEMPTS:-5}" \
  --overall-timeout "${ECGLAB_OVERALL_TIMEOUT:-$overall_default}" \
  "${notebooks[@]}"
step "Done: $BUILD/notebooks/"
