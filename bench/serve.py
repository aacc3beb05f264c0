"""`genai-tui serve` under load: 50 concurrent SSH sessions, then a soak of 200 in waves.

Starts `genai-tui serve --open` on 127.0.0.1 (an ephemeral port, private data dir) and drives it
with asyncssh clients, one new key per session. Prints connect-to-first-frame against a direct
launch on a pty, RSS per session, ratings found in the right accounts, and leftover processes;
then the soak's server RSS after the first and the last wave. Loopback only; every loop is
bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import asyncssh
import pyte
from benchlib import PtySession, bench_env, genai_exe, median, percentile, print_table, verdict

from tui.serve.accounts import account_for

FIRST_FRAME = (b"Topics", b"Generative vs")
STEP_TIMEOUT = 120.0
SIZE = (100, 30)


@dataclass
class Outcome:
    """What one SSH session saw."""

    first_frame: float = float("nan")
    ratings_wanted: int = 0
    key: asyncssh.SSHKey | None = None
    error: str = ""


@dataclass
class Screen(asyncssh.SSHClientSession[bytes]):
    """Collects the output of one session, and renders it on demand with pyte."""

    output: bytearray = field(default_factory=bytearray)
    fed: int = 0
    display: pyte.Screen = field(default_factory=lambda: pyte.Screen(*SIZE))

    def data_received(self, data: bytes, datatype: asyncssh.DataType) -> None:
        self.output += data

    def shown_ratings(self) -> int:
        """The "All ratings" figure the progress pane shows now (-1 if not visible)."""
        stream = pyte.ByteStream(self.display)
        stream.feed(bytes(self.output[self.fed :]))
        self.fed = len(self.output)
        for line in self.display.display:
            found = re.search(r"All ratings\s+(\d+)", line)
            if found:
                return int(found.group(1))
        return -1

    async def wait_for_ratings(self, count: int, timeout: float = STEP_TIMEOUT) -> None:
        """Wait until the screen acknowledges `count` ratings."""
        end = time.perf_counter() + timeout
        while self.shown_ratings() < count:
            if time.perf_counter() > end:
                raise TimeoutError(f"the screen never showed {count} ratings")
            await asyncio.sleep(0.05)

    async def wait_for(self, *texts: bytes, timeout: float = STEP_TIMEOUT) -> None:
        """Wait until every text has arrived."""
        end = time.perf_counter() + timeout
        while not all(text in self.output for text in texts):
            if time.perf_counter() > end:
                raise TimeoutError(f"never saw {texts!r}")
            await asyncio.sleep(0.01)

    async def settle(self, quiet: float = 0.25, timeout: float = 20.0) -> None:
        """Wait until the output has been quiet for `quiet` seconds."""
        end = time.perf_counter() + timeout
        size, since = len(self.output), time.perf_counter()
        while time.perf_counter() < end:
            await asyncio.sleep(0.05)
            if len(self.output) != size:
                size, since = len(self.output), time.perf_counter()
            elif time.perf_counter() - since >= quiet:
                return


class Server:
    """A `genai-tui serve --open` process on an ephemeral loopback port."""

    def __init__(self, home: Path, max_sessions: int) -> None:
        self.data_dir = home / "serve"
        env = bench_env(home)
        self.process = subprocess.Popen(
            [
                genai_exe(),
                "serve",
                "--open",
                "--listen",
                "127.0.0.1:0",
                "--data-dir",
                str(self.data_dir),
                "--max-sessions",
                str(max_sessions),
                "--max-attempts-per-minute",
                "100000",
            ],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stderr is not None
        self.log: list[str] = []
        while True:
            line = self.process.stderr.readline()
            if not line:
                raise SystemExit("the server ended before listening")
            self.log.append(line)
            found = re.search(r" listening address=127\.0\.0\.1:(\d+)", line)
            if found:
                self.port = int(found.group(1))
                break
        # Keep reading the log: a pipe nobody reads would fill and stop the server.
        threading.Thread(target=self._keep_log, daemon=True).start()

    def _keep_log(self) -> None:
        """Collect the server's log lines until it exits."""
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)

    def stop(self) -> None:
        """SIGTERM and reap the server."""
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def descendants(self) -> list[int]:
        """Pids of every process below the server."""
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                parents[int(entry.name)] = int(fields[1])
        found, frontier = [], [self.process.pid]
        while frontier:
            parent = frontier.pop()
            children = [pid for pid, ppid in parents.items() if ppid == parent]
            found += children
            frontier += children
        return found


def rss_kb(pid: int) -> int:
    """Resident set of one process now (VmRSS), 0 if gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) if match else 0


async def one_session(
    port: int, ratings: int, outcome: Outcome, all_up: asyncio.Event | None, up: list[int]
) -> None:
    """Connect with a new key, wait for the table, rate `ratings` questions, disconnect."""
    key = asyncssh.generate_private_key("ssh-ed25519")
    outcome.key, outcome.ratings_wanted = key, ratings
    started = time.perf_counter()
    conn = await asyncssh.connect(
        "127.0.0.1", port, known_hosts=None, client_keys=[key], agent_path=None, username="b"
    )
    try:
        chan, screen = await conn.create_session(
            Screen, term_type="xterm-256color", term_size=SIZE, encoding=None
        )
        await screen.wait_for(*FIRST_FRAME)
        outcome.first_frame = time.perf_counter() - started
        up.append(1)
        if all_up is not None:
            await asyncio.wait_for(all_up.wait(), STEP_TIMEOUT)
        chan.write(b"\r")
        for made in range(1, ratings + 1):
            # Reveal, rate Good, and wait until the progress pane shows the rating: only an
            # acknowledged rating counts, as a person would see it before leaving.
            chan.write(b" 3")
            await screen.wait_for_ratings(made)
    finally:
        conn.close()
        await conn.wait_closed()


async def run_wave(
    port: int, count: int, ratings: int, on_all_up: object = None
) -> tuple[list[Outcome], float]:
    """`count` sessions at once; returns their outcomes and the RSS sampled when all were up."""
    outcomes = [Outcome() for _ in range(count)]
    all_up = asyncio.Event()
    up: list[int] = []
    sampled = [0.0]

    async def watch() -> None:
        end = time.perf_counter() + STEP_TIMEOUT * 2
        while len(up) < count and time.perf_counter() < end:
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)  # let the first frames settle before sampling memory
        if callable(on_all_up):
            sampled[0] = on_all_up()
        all_up.set()

    async def guarded(outcome: Outcome) -> None:
        try:
            await one_session(port, ratings, outcome, all_up, up)
        except (OSError, asyncssh.Error, TimeoutError) as error:
            outcome.error = f"{type(error).__name__}: {error}"
            up.append(0)

    await asyncio.gather(watch(), *(guarded(outcome) for outcome in outcomes))
    return outcomes, sampled[0]


def reviews_in(data_dir: Path, key: asyncssh.SSHKey) -> int:
    """Ratings in the account of `key`."""
    db = account_for(data_dir, str(key.get_fingerprint("sha256"))).db
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM reviews").fetchone()[0])
    finally:
        conn.close()


def wait_for_no_children(server: Server, seconds: float = 30.0) -> list[int]:
    """Wait (bounded) until the server has no child process left; returns those left."""
    end = time.monotonic() + seconds
    left = server.descendants()
    while left and time.monotonic() < end:
        time.sleep(0.1)
        left = server.descendants()
    return left


def direct_first_frame(home: Path, run: int) -> float:
    """Seconds from spawning `genai-tui` on a 100x30 pty to its first full frame."""
    env = bench_env(home, GENAI_TUI_DB=str(home / f"direct-{run}.db"))
    session = PtySession([genai_exe()], env, size=(SIZE[1], SIZE[0]))
    try:
        done = session.read_until(lambda out: all(text in out for text in FIRST_FRAME), 120)
        return done - session.started
    finally:
        session.quit()


def direct_concurrent(home: Path, count: int) -> list[float]:
    """First-frame seconds of `count` direct launches started together, each on its own pty."""
    sessions = [
        PtySession(
            [genai_exe()],
            bench_env(home, GENAI_TUI_DB=str(home / f"crowd-{n}.db")),
            size=(SIZE[1], SIZE[0]),
        )
        for n in range(count)
    ]
    done: dict[int, float] = {}
    end = time.perf_counter() + STEP_TIMEOUT * 2
    try:
        while len(done) < count and time.perf_counter() < end:
            for n, session in enumerate(sessions):
                if n not in done:
                    session.read(0.001)
                    if all(text in session.output for text in FIRST_FRAME):
                        done[n] = time.perf_counter() - session.started
    finally:
        for session in sessions:
            session.quit(timeout=30)
    return list(done.values())


def ssh_first_frame(port: int) -> float:
    """Seconds from connecting over SSH to the first full frame, one session alone."""
    outcome = Outcome()
    asyncio.run(one_session(port, 0, outcome, None, []))
    return outcome.first_frame


def main(argv: Sequence[str] | None = None) -> int:
    """Run the load and the soak; print the figures."""
    parser = argparse.ArgumentParser(description="genai-tui serve under load")
    parser.add_argument("--sessions", type=int, default=50, help="concurrent sessions (50)")
    parser.add_argument("--ratings", type=int, default=3, help="ratings per session (3)")
    parser.add_argument("--runs", type=int, default=8, help="lone runs, SSH vs direct (8)")
    parser.add_argument("--waves", type=int, default=10, help="soak waves (10)")
    parser.add_argument("--wave-size", type=int, default=20, help="sessions per wave (20)")
    parser.add_argument("--quick", action="store_true", help="tiny run for the test suite")
    args = parser.parse_args(argv)
    if args.quick:
        args.sessions, args.ratings, args.runs, args.waves, args.wave_size = 3, 1, 1, 2, 2

    # A SIGTERM ends the bench through `finally`, so the server it started is stopped too.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        home = Path(folder)
        server = Server(home, max_sessions=max(args.sessions, args.wave_size) + 4)
        try:
            report(server, home, args)
        finally:
            server.stop()
    return 0


def report(server: Server, home: Path, args: argparse.Namespace) -> None:
    """Measure and print every figure."""
    # Lone sessions, alternating with direct launches (one warm-up of each first).
    direct_first_frame(home, -1)
    ssh_first_frame(server.port)
    direct, over_ssh = [], []
    for run in range(args.runs):
        pair = [lambda r=run: direct.append(direct_first_frame(home, r))]
        pair.append(lambda: over_ssh.append(ssh_first_frame(server.port)))
        for step in pair if run % 2 == 0 else reversed(pair):
            step()
    wait_for_no_children(server)
    idle_rss = rss_kb(server.process.pid)

    def tree_rss() -> float:
        pids = [server.process.pid, *server.descendants()]
        return float(sum(rss_kb(pid) for pid in pids))

    crowd = direct_concurrent(home, args.sessions)
    started = time.perf_counter()
    outcomes, loaded_rss = asyncio.run(
        run_wave(server.port, args.sessions, args.ratings, on_all_up=tree_rss)
    )
    load_seconds = time.perf_counter() - started
    left = wait_for_no_children(server)
    frames = [o.first_frame for o in outcomes if not o.error]
    wanted = sum(o.ratings_wanted for o in outcomes)
    found = sum(reviews_in(server.data_dir, o.key) for o in outcomes if o.key is not None)
    misplaced = sum(
        1
        for o in outcomes
        if o.key is not None and reviews_in(server.data_dir, o.key) != o.ratings_wanted
    )
    errors = [o.error for o in outcomes if o.error]
    per_session_mb = (loaded_rss - idle_rss) / max(1, len(frames)) / 1024

    print_table(
        "connect to first frame, one session at a time (s)",
        ["path", "runs", "median", "p95"],
        [
            [
                "direct pty launch",
                len(direct),
                f"{median(direct):.3f}",
                f"{percentile(direct, 0.95):.3f}",
            ],
            [
                "over SSH",
                len(over_ssh),
                f"{median(over_ssh):.3f}",
                f"{percentile(over_ssh, 0.95):.3f}",
            ],
        ],
    )
    ratio = median(over_ssh) / median(direct)
    print(f"SSH / direct median ratio: {ratio:.2f} (target <= 1.5: {verdict(ratio, 1.5)})")
    print()
    print_table(
        f"{args.sessions} concurrent sessions, {args.ratings} ratings each ({load_seconds:.1f} s)",
        ["figure", "value"],
        [
            ["dashboards reached", f"{len(frames)}/{args.sessions}"],
            ["first frame median (s)", f"{median(frames):.2f}"],
            ["first frame p95 (s)", f"{percentile(frames, 0.95):.2f}"],
            [
                f"the same for {len(crowd)} direct launches at once (s)",
                f"median {median(crowd):.2f}, p95 {percentile(crowd, 0.95):.2f}",
            ],
            ["SSH / direct median, all at once", f"{median(frames) / median(crowd):.2f}"],
            ["server RSS idle (MB)", f"{idle_rss / 1024:.1f}"],
            ["server + children RSS, all up (MB)", f"{loaded_rss / 1024:.1f}"],
            [
                "RSS per session (MB)",
                f"{per_session_mb:.1f} (target <= 60: {verdict(per_session_mb, 60)})",
            ],
            ["ratings found / made", f"{found}/{wanted}"],
            ["accounts with a wrong count", misplaced],
            ["leftover processes", len(left)],
            ["errors", len(errors)],
        ],
    )
    for error in errors[:5]:
        print(f"  error: {error}")
    print()

    soak_rss = []
    soak_errors = 0
    soak_lost = 0
    for _ in range(args.waves):
        wave, _ = asyncio.run(run_wave(server.port, args.wave_size, 1))
        wait_for_no_children(server)
        soak_errors += sum(1 for o in wave if o.error)
        soak_lost += sum(
            1 for o in wave if o.key is not None and reviews_in(server.data_dir, o.key) != 1
        )
        soak_rss.append(rss_kb(server.process.pid))
    growth = (soak_rss[-1] - soak_rss[0]) / soak_rss[0] * 100 if soak_rss[0] else float("nan")
    print_table(
        f"soak: {args.waves * args.wave_size} sessions in {args.waves} waves of {args.wave_size}",
        ["figure", "value"],
        [
            ["server RSS after wave 1 (MB)", f"{soak_rss[0] / 1024:.1f}"],
            ["server RSS after last wave (MB)", f"{soak_rss[-1] / 1024:.1f}"],
            ["growth", f"{growth:+.1f}% (target within 10%: {verdict(abs(growth), 10)})"],
            ["server RSS per wave (MB)", " ".join(f"{r / 1024:.1f}" for r in soak_rss)],
            ["sessions with a lost rating", soak_lost],
            ["errors", soak_errors],
            ["leftover processes", len(wait_for_no_children(server))],
        ],
    )


if __name__ == "__main__":
    sys.exit(main())
