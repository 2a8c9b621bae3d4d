#!/usr/bin/env python3
"""Docs that stay true: run every command shown in README.md and docs/*.md and compare
what it prints with the output shown next to it.

    python3 scripts/check-docs.py [PATH-TO-keldysh] [-v] [FILE.md ...]

The binary is the first argument, or $KELDYSH. With FILE.md arguments only those files are
checked (paths relative to the repository root); the default is README.md and docs/*.md.
`make docs-check` builds the release CLI and runs this script with it. Python 3 standard
library only. Exit status 0 when everything agrees, 1 on any mismatch, 2 on bad usage.

Convention (what the markdown says, and what is checked)
--------------------------------------------------------

1. Commands. Every fenced block with the info string `sh` (or `bash`, `shell`) is run.
   Each logical line (a line ending in `\\` continues on the next) is one command; blank
   lines and lines that are only a `# comment` are ignored. A leading
   `swift run [-c release|debug] keldysh` is replaced by `keldysh`, and `keldysh` is the
   binary under test (a symlink to it comes first on PATH). Other lines (`M=...`,
   `mkdir -p ...`, `sed ... > file`) run as they are. Every command must exit with status 0,
   except the last one of a block marked `exit N` (below).

2. One shell per file. The commands of a markdown file run in document order in one bash
   session, so variables set in one block (`M=...`, `P="--set ..."`) are seen by later
   blocks of the same file. The session's working directory is a fresh temporary folder
   with symlinks `derivations` and `docs` to the repository's folders, so `--out fig4`
   and relative paths work and nothing is written into the repository (checked with
   `git status` when git is available). The folder is removed at the end.

3. Scripts. A `sh` block whose first line starts with `#!` is a script (a Slurm job
   script, say): it is written to a file and run with `bash` in the same working folder,
   with the environment given by an `env` marker (below); it must exit with status 0.

4. Shown output. A fenced block with the info string `text` or `console` that follows a
   `sh` block with nothing but blank lines between them is the output of the last command
   of that block: its standard output, or its standard error when the block is marked
   `exit N` with N != 0. It is compared line by line after removing trailing whitespace
   of each line and trailing blank lines, with one wildcard: `…` stands for any text
   within a line, and a line that is only `…` stands for any number of lines (also none).
   Bare ``` blocks (model files, formulas, illustrations) are not checked.

5. Inline output. A command line may end in a comment `# → TEXT`; TEXT (with the same `…`
   wildcard) must equal one whole line of the command's standard output. Other trailing
   comments are prose and are not checked.

6. Markers. An HTML comment `<!-- docs-check: ... -->` on its own line directly before a
   fenced block (only blank lines or other markers between) changes how that block is
   checked; several markers may stand before one block:
     <!-- docs-check: skip (reason: takes ~20 min) -->  the block is not run (nor its
          output block); the reason is printed. Use it for anything above ~60 s.
     <!-- docs-check: exit 1 -->  the last command of the block must exit with status 1;
          its output block is compared with its standard error.
     <!-- docs-check: env NAME=VALUE ... -->  environment of a script block (3.).
     <!-- docs-check: file PATH -->  the block (any info string) must match the file PATH
          (relative to the repository root), with the wildcard of 4.
   A marker that is not followed by a fenced block is an error.

7. Paths. Every repository path in backticks or in running text of README.md and
   docs/*.md (`Benchmarks/run-threshold.sh`, Sources/Algebra/Verify/DerivationStep.swift,
   `derivations/003-spintronic-dicke/`), and every repository path in command position in
   a `sh` block (run or skipped), must exist. A path counts when its first component is a
   top-level entry of the repository (Sources, Tests, Benchmarks, derivations, docs,
   scripts, ...); a source file named relative to a folder (`peers/precision_mpmath.py`,
   `figures/model-gilbert.kd`: .swift .py .sh .kd .frm .md) must exist under the root, a
   top-level folder or one of their subfolders; a backticked path starting with `../` is
   reported as pointing outside the repository. Globs (`RC*.swift`) must match something.
   Paths that commands create (`fig4/grid.csv`) are not repository paths and not checked.
"""

import difflib
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMMAND_TIMEOUT = float(os.environ.get("DOCS_CHECK_TIMEOUT", "120"))  # seconds per command

SHELL_INFOS = {"sh", "bash", "shell"}
OUTPUT_INFOS = {"text", "console"}
MARKER = re.compile(r"^\s*<!--\s*docs-check:\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*$")
SWIFT_RUN = re.compile(r"^swift run(?: -c (?:release|debug))? keldysh(?=\s|$)")
INLINE_OUTPUT = re.compile(r"\s#\s*→\s?(.*)$")
ELLIPSIS = "…"
MARKER_WORDS = {"skip", "exit", "env", "file"}


class Block:
    def __init__(self, info, start, lines, markers):
        self.info = info          # info string of the fence ("" for a bare fence)
        self.start = start        # 1-based line of the opening fence
        self.lines = lines        # content lines
        self.markers = markers    # [(line, text)] of docs-check markers before the block
        self.follows = None       # the block just before, when only blank lines separate them

    def marker(self, word):
        for line, text in self.markers:
            if text == word or text.startswith(word + " "):
                return text[len(word):].strip()
        return None


def parse_markdown(path):
    """Fenced blocks of a markdown file, their markers, and marker errors."""
    with open(path, encoding="utf-8") as f:
        text = f.read().split("\n")
    blocks, errors, pending = [], [], []
    prev_block, gap_only = None, False
    i = 0
    while i < len(text):
        line = text[i]
        m = FENCE.match(line)
        if m:
            indent, fence, info = m.group(1), m.group(2), m.group(3)
            start = i + 1
            body = []
            i += 1
            while i < len(text) and not re.match(r"^\s*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$", text[i]):
                body.append(text[i][len(indent):] if text[i].startswith(indent) else text[i])
                i += 1
            block = Block(info, start, body, pending)
            if prev_block is not None and gap_only and not pending:
                block.follows = prev_block
            blocks.append(block)
            pending, prev_block, gap_only = [], block, True
            i += 1
            continue
        mm = MARKER.match(line)
        if mm:
            pending.append((i + 1, mm.group(1)))
            gap_only = False
        elif line.strip() == "":
            pass
        else:
            for ln, t in pending:
                errors.append(f"{rel(path)}:{ln}: docs-check marker not directly before a fenced block: {t}")
            pending, gap_only = [], False
        i += 1
    for ln, t in pending:
        errors.append(f"{rel(path)}:{ln}: docs-check marker not directly before a fenced block: {t}")
    return blocks, errors


def rel(path):
    return os.path.relpath(path, REPO)


def logical_lines(block):
    """(line number, text) of each command of a shell block, continuations joined."""
    out, cur, cur_start = [], [], None
    for k, line in enumerate(block.lines):
        n = block.start + 1 + k
        if not cur:
            if line.strip() == "" or line.lstrip().startswith("#"):
                continue
            cur_start = n
        cur.append(line)
        if line.rstrip().endswith("\\"):
            continue
        out.append((cur_start, "\n".join(cur)))
        cur = []
    if cur:
        out.append((cur_start, "\n".join(cur)))
    return out


def pattern_lines(expected):
    """Expected lines with trailing whitespace and trailing blank lines removed."""
    lines = [l.rstrip() for l in expected]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def line_matches(pattern, line):
    if ELLIPSIS not in pattern:
        return pattern == line
    parts = [re.escape(p) for p in pattern.split(ELLIPSIS)]
    return re.fullmatch(".*".join(parts), line, re.S) is not None


def text_matches(expected, actual):
    """Whole-text match of expected lines (with `…` wildcards) against actual lines."""
    exp, act = pattern_lines(expected), pattern_lines(actual)
    memo = {}

    def go(i, j):
        key = (i, j)
        if key in memo:
            return memo[key]
        if i == len(exp):
            r = j == len(act)
        elif exp[i].strip() == ELLIPSIS:
            r = any(go(i + 1, k) for k in range(j, len(act) + 1))
        else:
            r = j < len(act) and line_matches(exp[i], act[j]) and go(i + 1, j + 1)
        memo[key] = r
        return r

    sys.setrecursionlimit(max(10000, 4 * (len(exp) + len(act))))
    return go(0, 0)


def diff(expected, actual, label):
    return "\n".join(difflib.unified_diff(pattern_lines(expected), pattern_lines(actual),
                                          "shown in the doc", label, lineterm=""))


# ---------------------------------------------------------------------------------------
# Paths

TOP_LEVEL = None
PATH_TOKEN = re.compile(r"(?<![\w./~$-])((?:\.\./)*[A-Za-z0-9_][A-Za-z0-9_.+-]*(?:/[A-Za-z0-9_.*+-]+)+/?|(?:\.\./)*[A-Za-z0-9_][A-Za-z0-9_.+-]*/)")


def top_level():
    global TOP_LEVEL
    if TOP_LEVEL is None:
        TOP_LEVEL = {e for e in os.listdir(REPO) if not e.startswith(".")}
    return TOP_LEVEL


BASES = None


def relative_bases():
    global BASES
    if BASES is None:
        BASES = [REPO]
        for e in sorted(top_level()):
            d = os.path.join(REPO, e)
            if os.path.isdir(d):
                BASES.append(d)
                BASES.extend(os.path.join(d, c) for c in sorted(os.listdir(d))
                             if os.path.isdir(os.path.join(d, c)) and not c.startswith("."))
    return BASES


def check_path(token):
    """None when fine (or not a repository path), else a message."""
    token = token.rstrip(".,;:)")
    if token.startswith("../"):
        target = os.path.normpath(os.path.join(REPO, token))
        return f"`{token}` points outside the repository ({target})"
    first = token.split("/")[0]
    if "/" not in token:
        return None
    if first not in top_level():
        # A source file named relative to a folder of the repository (`peers/x.py` in
        # Benchmarks/, `figures/model-gilbert.kd` in a derivation folder): it must exist
        # under the root, a top-level folder or one of their subfolders.
        if not re.search(r"\.(swift|py|sh|kd|frm|md)$", token) or any(c in token for c in "*?["):
            return None
        for base in relative_bases():
            if os.path.exists(os.path.join(base, token)):
                return None
        return f"{token}: no such file under the repository root, its top-level folders or their subfolders"
    if any(c in token for c in "*?["):
        return None if glob.glob(os.path.join(REPO, token)) else f"{token}: no such file (glob matches nothing)"
    return None if os.path.exists(os.path.join(REPO, token)) else f"{token}: no such file or folder"


def is_repo_path(word):
    """A word that names a file of the repository: its first component is a top-level entry,
    or it is a relative path of a source file (`peers/scan_numpy.py`)."""
    word = word.rstrip(".,;:)")
    return "/" in word and (word.split("/")[0] in top_level()
                            or re.search(r"\.(swift|py|sh|kd|frm|md)$", word) is not None)


def prose_paths(path):
    """(line, token) of path-like words outside fenced blocks (in backticks or not)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, in_fence, fence = [], False, ""
    for n, line in enumerate(lines, 1):
        m = FENCE.match(line)
        if m and (not in_fence or m.group(2)[0] == fence[0]):
            if in_fence:
                in_fence = False
            else:
                in_fence, fence = True, m.group(2)
            continue
        if in_fence or MARKER.match(line):
            continue
        for span in re.findall(r"`([^`]+)`", line):
            for word in span.split():
                if word.startswith("../") or (PATH_TOKEN.fullmatch(word) and is_repo_path(word)):
                    out.append((n, word))
        for m in PATH_TOKEN.finditer(re.sub(r"`[^`]*`", " ", line)):
            word = m.group(1)
            if is_repo_path(word):
                out.append((n, word))
    return out


def command_paths(block):
    """(line, token) of repository paths in command position in a shell block."""
    out = []
    for n, cmd in logical_lines(block):
        try:
            words = shlex.split(cmd.replace("\\\n", " "), comments=True)
        except ValueError:
            continue
        while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
            words = words[1:]
        if words and is_repo_path(words[0]):
            out.append((n, words[0]))
    return out


# ---------------------------------------------------------------------------------------
# Running one file's commands in one bash session

class Command:
    def __init__(self, doc, line, text, block, last, script_env=None):
        self.doc, self.line, self.text, self.block = doc, line, text, block
        self.last = last                  # last command of its block
        self.script_env = script_env      # dict for script blocks, else None
        self.run_text = SWIFT_RUN.sub("keldysh", text.lstrip())
        self.inline = None
        last_line = text.split("\n")[-1]
        m = INLINE_OUTPUT.search(last_line)
        if m and self.script_env is None:
            self.inline = m.group(1).rstrip()
        self.rc = self.out = self.err = self.seconds = None
        self.timed_out = False

    def where(self):
        return f"{self.doc}:{self.line}"

    def short(self):
        t = self.text.replace("\\\n", " ").split("\n")[0]
        t = re.sub(r"\s+", " ", t)
        return t if len(t) <= 110 else t[:107] + "..."


def run_session(commands, binary, verbose):
    """Runs the commands in order in one bash process; fills rc/out/err/seconds."""
    tmp = tempfile.mkdtemp(prefix="docs-check-")
    try:
        work, binDir, ctl = (os.path.join(tmp, d) for d in ("work", "bin", "ctl"))
        for d in (work, binDir, ctl):
            os.mkdir(d)
        os.symlink(os.path.join(REPO, "derivations"), os.path.join(work, "derivations"))
        os.symlink(os.path.join(REPO, "docs"), os.path.join(work, "docs"))
        os.symlink(os.path.abspath(binary), os.path.join(binDir, "keldysh"))
        driver = ["set +e", f"cd {shlex.quote(work)}", f"export PATH={shlex.quote(binDir)}:\"$PATH\""]
        for k, c in enumerate(commands):
            cmd_file = os.path.join(ctl, f"{k}.cmd")
            if c.script_env is not None:
                script = os.path.join(ctl, f"{k}.sh")
                with open(script, "w", encoding="utf-8") as f:
                    f.write(c.run_text + "\n")
                env = " ".join(f"{n}={shlex.quote(v)}" for n, v in c.script_env.items())
                body = f"env {env} bash {shlex.quote(script)}"
            else:
                body = c.run_text
            with open(cmd_file, "w", encoding="utf-8") as f:
                f.write(body + "\n")
            q = lambda s: shlex.quote(os.path.join(ctl, f"{k}.{s}"))
            driver.append(f"date +%s.%N > {q('t0')}")
            driver.append(f"{{ eval \"$(cat {q('cmd')})\"; }} > {q('out')} 2> {q('err')} < /dev/null")
            driver.append(f"echo $? > {q('rc.tmp')}; date +%s.%N > {q('t1')}; mv {q('rc.tmp')} {q('rc')}")
        with open(os.path.join(ctl, "driver.sh"), "w", encoding="utf-8") as f:
            f.write("\n".join(driver) + "\n")
        proc = subprocess.Popen(["bash", os.path.join(ctl, "driver.sh")], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        k = 0
        started = time.monotonic()
        while k < len(commands):
            rc_file = os.path.join(ctl, f"{k}.rc")
            if os.path.exists(rc_file):
                c = commands[k]
                c.rc = int(open(rc_file).read().strip() or "-1")
                c.out = open(os.path.join(ctl, f"{k}.out"), encoding="utf-8", errors="replace").read()
                c.err = open(os.path.join(ctl, f"{k}.err"), encoding="utf-8", errors="replace").read()
                try:
                    c.seconds = float(open(os.path.join(ctl, f"{k}.t1")).read()) - float(open(os.path.join(ctl, f"{k}.t0")).read())
                except ValueError:
                    c.seconds = time.monotonic() - started
                if verbose:
                    print(f"  {c.seconds:6.2f} s  {c.where()}: {c.short()}", flush=True)
                k += 1
                started = time.monotonic()
                continue
            if proc.poll() is not None and not os.path.exists(rc_file):
                break  # the session ended early (e.g. `exit` in a command)
            if time.monotonic() - started > COMMAND_TIMEOUT:
                commands[k].timed_out = True
                os.killpg(proc.pid, 9)
                break
            time.sleep(0.02)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------------

def check_file(path, binary, verbose, failures, notes):
    doc = rel(path)
    blocks, errors = parse_markdown(path)
    failures.extend(errors)
    commands, outputs, skipped = [], [], 0
    block_commands = {}
    for b in blocks:
        for ln, text in b.markers:
            word = text.split()[0] if text.split() else ""
            if word not in MARKER_WORDS:
                failures.append(f"{doc}:{ln}: unknown docs-check marker `{text}` "
                                f"(expected one of: {', '.join(sorted(MARKER_WORDS))})")
            elif word in ("skip", "exit", "env") and b.info not in SHELL_INFOS:
                failures.append(f"{doc}:{ln}: docs-check `{word}` marker on a block that is not ```sh")
            elif word == "skip" and not text[4:].strip():
                failures.append(f"{doc}:{ln}: docs-check `skip` needs a reason")
            elif word == "exit" and not re.fullmatch(r"exit \d+", text):
                failures.append(f"{doc}:{ln}: docs-check `exit` needs a status, e.g. `exit 1`")
        f = b.marker("file")
        if f is not None:
            target = os.path.join(REPO, f)
            if not os.path.exists(target):
                failures.append(f"{doc}:{b.start}: docs-check file {f}: no such file")
            else:
                actual = open(target, encoding="utf-8").read().split("\n")
                if not text_matches(b.lines, actual):
                    failures.append(f"{doc}:{b.start}: block differs from {f}\n" + diff(b.lines, actual, f))
        if b.info in SHELL_INFOS:
            for n, p in command_paths(b):
                msg = check_path(p)
                if msg:
                    failures.append(f"{doc}:{n}: {msg}")
            reason = b.marker("skip")
            if reason is not None:
                skipped += 1
                notes.append(f"{doc}:{b.start}: skipped {reason or '(no reason given)'}")
                continue
            env = b.marker("env")
            if b.lines and b.lines[0].startswith("#!"):
                env_vars = {}
                for item in shlex.split(env or ""):
                    name, _, value = item.partition("=")
                    env_vars[name] = value
                cmds = [Command(doc, b.start + 1, "\n".join(b.lines), b, True, env_vars)]
            else:
                if env is not None:
                    failures.append(f"{doc}:{b.start}: `env` marker on a block that is not a script (#!)")
                lines = logical_lines(b)
                cmds = [Command(doc, n, t, b, k == len(lines) - 1) for k, (n, t) in enumerate(lines)]
            block_commands[id(b)] = cmds
            commands.extend(cmds)
        elif b.info in OUTPUT_INFOS and b.follows is not None and b.follows.info in SHELL_INFOS:
            outputs.append(b)
        elif b.info in OUTPUT_INFOS and b.marker("file") is None:
            failures.append(f"{doc}:{b.start}: a ```{b.info} block must directly follow a ```sh block "
                            "(only blank lines between) or carry a `file` marker; use a bare ``` fence "
                            "for a text that is not checked")

    if not commands:
        return 0, skipped
    run_session(commands, binary, verbose)

    expected_exit = {}
    for b in blocks:
        e = b.marker("exit")
        if e is not None and id(b) in block_commands and e.isdigit():
            expected_exit[id(b)] = int(e)
    for k, c in enumerate(commands):
        want = expected_exit.get(id(c.block), 0) if c.last else 0
        if c.timed_out or c.rc is None:
            if c.timed_out:
                failures.append(f"{c.where()}: `{c.short()}` did not finish within {COMMAND_TIMEOUT:.0f} s "
                                "(mark it `<!-- docs-check: skip (reason: ...) -->` if it is meant to be long)")
            else:
                failures.append(f"{c.where()}: `{c.short()}`: the shell session ended here (an `exit`?)")
            rest = len(commands) - k - 1
            if rest:
                failures.append(f"{c.where()}: the {rest} later command(s) of {doc} were not run")
            break
        if c.rc != want:
            failures.append(f"{c.where()}: `{c.short()}` exited with status {c.rc}, expected {want}\n"
                            + indent_text("stderr", c.err) + indent_text("stdout", c.out))
            continue
        if c.inline is not None:
            lines = pattern_lines(c.out.split("\n"))
            if not any(line_matches(c.inline, l) for l in lines):
                failures.append(f"{c.where()}: `{c.short()}`: no output line equals the `# →` text\n"
                                f"  shown:   {c.inline}\n" + indent_text("stdout", c.out))
    for b in outputs:
        cmds = block_commands.get(id(b.follows))
        if not cmds:
            continue  # the command block was skipped
        c = cmds[-1]
        if c.rc is None or c.timed_out:
            continue
        want = expected_exit.get(id(b.follows), 0)
        stream, name = (c.err, "stderr") if want != 0 else (c.out, "stdout")
        actual = stream.split("\n")
        if not text_matches(b.lines, actual):
            failures.append(f"{c.where()}: output of `{c.short()}` differs from the block at {doc}:{b.start}\n"
                            + diff(b.lines, actual, f"{name} of the command"))
    return len(commands), skipped


def indent_text(label, text):
    text = text.rstrip("\n")
    if not text:
        return ""
    lines = text.split("\n")
    if len(lines) > 30:
        lines = lines[:30] + [f"... ({len(lines) - 30} more lines)"]
    return f"  {label}:\n" + "\n".join("    " + l for l in lines) + "\n"


def git_status():
    try:
        r = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=all"],
                           capture_output=True, text=True, timeout=60)
        return r.stdout if r.returncode == 0 else None
    except (OSError, subprocess.SubprocessError):
        return None


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if any(a in ("-h", "--help") for a in args):
        print(__doc__)
        return 0
    binary = None
    if args and not args[0].endswith(".md"):
        binary = args.pop(0)
    binary = binary or os.environ.get("KELDYSH")
    if not binary or not os.access(binary, os.X_OK):
        print("usage: check-docs.py [PATH-TO-keldysh] [-v] [FILE.md ...]  (or set $KELDYSH)", file=sys.stderr)
        print(f"no executable keldysh binary: {binary!r}", file=sys.stderr)
        return 2
    files = [os.path.join(REPO, a) for a in args] or \
        [os.path.join(REPO, "README.md")] + sorted(glob.glob(os.path.join(REPO, "docs", "*.md")))

    t0 = time.monotonic()
    before = git_status()
    failures, notes = [], []
    total_cmds = total_skipped = 0
    for path in files:
        doc = rel(path)
        n0 = len(failures)
        for n, p in prose_paths(path):
            msg = check_path(p)
            if msg:
                failures.append(f"{doc}:{n}: {msg}")
        t = time.monotonic()
        if verbose:
            print(f"{doc}:", flush=True)
        cmds, skipped = check_file(path, binary, verbose, failures, notes)
        total_cmds += cmds
        total_skipped += skipped
        status = "ok" if len(failures) == n0 else f"{len(failures) - n0} problem(s)"
        print(f"{doc}: {cmds} command(s), {skipped} block(s) skipped, {time.monotonic() - t:.1f} s: {status}", flush=True)
    after = git_status()
    if before is not None and after is not None and before != after:
        failures.append("the check changed the repository (git status before/after differ):\n"
                        + "\n".join(difflib.unified_diff(before.split("\n"), after.split("\n"), "before", "after", lineterm="")))
    for n in notes:
        print(n)
    def place(f):
        m = re.match(r"^(.*?):(\d+): ", f)
        return (m.group(1), int(m.group(2))) if m else ("~", 0)
    for f in sorted(failures, key=place):
        print("\nFAIL " + f.rstrip("\n"))
    print(f"\n{total_cmds} command(s) in {len(files)} file(s), {total_skipped} block(s) skipped, "
          f"{len(failures)} failure(s), {time.monotonic() - t0:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
