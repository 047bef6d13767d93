"""Benchmarks: swagger_client against the urllib3 floor, measured in the same run.

    python bench/run.py [--quick]
    python bench/run.py --soak [CALLS]   # memory over 100,000 calls (about 1 minute)

Every figure is a ratio ours / floor, the median over several rounds of the ratio
measured within each round; the contenders alternate inside a round, so machine drift
hits both equally and the pairing cancels drift between rounds:

* call_auth, call_dfl: one sequential ``get_current_auth()`` / ``get_data_for_login()``
  against ``urllib3.PoolManager().request()`` + ``json.loads`` (server in its own process);
* call_full_auth: ``get_current_auth()`` and then reading every declared property of the
  tree (bench/walk.py) against urllib3 + ``json.loads`` + the same walk over the dicts;
* deser_auth: ``ApiClient.deserialize`` of the populated ``Auth`` body against ``json.loads``;
* deser_full_auth, deser_full_dfl: bytes -> model -> every declared property read,
  recursively (``Auth``, 698 values; ``DataForLogin``, 4,583), against ``json.loads`` and
  the same walk over the dicts;
* import: ``import swagger_client`` plus ``ApiClient``, ``AuthApi`` and ``Configuration``
  (all a first call needs) in a fresh interpreter against ``import urllib3``
  (import_bare, the package alone, for information);
* rss: peak RSS of a process making the calls against one making floor calls;
* threads: 8 threads sharing one client, as throughput ours / floor (higher is better);
  threads_floor_timed (the floor with our default timeout) shows what socket timeouts
  cost under GIL contention.

The last line is machine-readable: ``bench: call_auth=R1 call_dfl=R2 ... threads=R9``, one
ratio per target.
``--soak`` instead prints resident memory, logging handlers and pools every tenth of
the calls and ends with ``soak: calls=N rss_growth_kib=G flat=yes|NO``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Dict, List, NamedTuple, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import walk  # noqa: E402  # bench/walk.py: reading every declared property

ACCEPT_JSON = {"Accept": "application/json"}
TARGETS = {
    "call_auth": 1.15,
    "call_dfl": 1.15,
    "call_full_auth": 1.4,
    "deser_auth": 1.5,
    "deser_full_auth": 2.0,
    "deser_full_dfl": 2.0,
    "import": 1.3,
    "rss": 1.2,
    "threads": 0.9,
}


def start_server() -> Tuple[subprocess.Popen, str]:
    port_file = Path(tempfile.mkdtemp()) / "port"
    process = subprocess.Popen([sys.executable, str(ROOT / "bench" / "server.py"), str(port_file)])
    deadline = time.monotonic() + 20
    while not (port_file.exists() and port_file.read_text()):
        if time.monotonic() > deadline or process.poll() is not None:
            raise SystemExit("benchmark server did not start")
        time.sleep(0.05)
    return process, "http://127.0.0.1:%s/api" % port_file.read_text()


Samples = Dict[str, List[float]]  # contender -> one value per round


class Result(NamedTuple):
    ours: float  # median over the rounds
    floor: float
    ratio: float  # median over the rounds of ours / floor in the same round


def compare(samples: Samples, ours: str = "ours", floor: str = "floor") -> Result:
    """Medians of two contenders, and the median of their per-round ratios.

    On a shared machine the speed drifts between rounds (here by up to a third), and
    the ratio of two medians can pair a fast round of one with a slow round of the
    other; the ratio within each round cannot.
    """
    paired = [a / b for a, b in zip(samples[ours], samples[floor])]
    return Result(statistics.median(samples[ours]), statistics.median(samples[floor]), statistics.median(paired))


def interleaved(contenders: Dict[str, Callable[[int], float]], total: int, rounds: int, block: int = 50) -> Samples:
    """Per-iteration time of each contender in each of ``rounds``.

    Inside a round the contenders take turns in blocks of ``block`` iterations until
    each has run ``total``, so drift of the machine lands on all of them alike.
    Each contender is ``f(n) -> seconds for n iterations``.
    """
    samples: Samples = {name: [] for name in contenders}
    names = list(contenders)
    for r in range(rounds):
        spent = dict.fromkeys(names, 0.0)
        for b in range(0, total, block):
            order = names if (r + b // block) % 2 == 0 else list(reversed(names))
            for name in order:
                spent[name] += contenders[name](min(block, total - b))
        for name in names:
            samples[name].append(spent[name] / total)
    return samples


def timed_loop(call: Callable[[], object]) -> Callable[[int], float]:
    def run(n: int) -> float:
        started = time.perf_counter()
        for _ in range(n):
            call()
        return time.perf_counter() - started

    return run


def alternate(contenders: Dict[str, Callable[[], float]], rounds: int) -> Samples:
    """Each contender's measurement in each of ``rounds``, alternating the order."""
    samples: Samples = {name: [] for name in contenders}
    names = list(contenders)
    for r in range(rounds):
        for name in names if r % 2 == 0 else reversed(names):
            samples[name].append(contenders[name]())
    return samples


# -- (1) sequential calls -----------------------------------------------------------------


def per_call(url: str, calls: int, rounds: int) -> Dict[str, Result]:
    import urllib3

    import swagger_client

    pool = urllib3.PoolManager(maxsize=10)
    client = swagger_client.ApiClient(swagger_client.Configuration(host=url))
    api = swagger_client.AuthApi(client)
    results: Dict[str, Result] = {}
    plan = walk.plan()
    auth_url = url + "/auth"
    for label, call, floor_call in (
        (
            "call_auth",
            api.get_current_auth,
            lambda: json.loads(pool.request("GET", auth_url, headers=ACCEPT_JSON).data),
        ),
        (
            "call_dfl",
            api.get_data_for_login,
            lambda: json.loads(pool.request("GET", url + "/auth/data-for-login", headers=ACCEPT_JSON).data),
        ),
        (
            "call_full_auth",
            lambda: walk.walk_model(api.get_current_auth(), "Auth", plan),
            lambda: walk.walk_dict(json.loads(pool.request("GET", auth_url, headers=ACCEPT_JSON).data), "Auth", plan),
        ),
    ):
        floor = timed_loop(floor_call)
        ours = timed_loop(call)
        floor(20), ours(20)  # warm both connections
        results[label] = compare(interleaved({"floor": floor, "ours": ours}, calls, rounds))
    client.close()
    return results


# -- (2) deserialization --------------------------------------------------------------------


class _Body(object):
    status = 200

    def __init__(self, data: bytes) -> None:
        self.data = data

    def getheader(self, name: str, default: object = None) -> object:
        return "application/json" if name.lower() == "content-type" else default

    def getheaders(self) -> Dict[str, str]:
        return {"Content-Type": "application/json"}


def deserialization(rounds: int, repeat: int) -> Dict[str, Result]:
    import swagger_client
    from test.builders import build

    client = swagger_client.ApiClient()
    plan = walk.plan()
    results: Dict[str, Result] = {}
    for schema, label in (("Auth", "auth"), ("DataForLogin", "dfl")):
        body = json.dumps(build(schema)).encode()
        response = _Body(body)
        contenders = {
            "floor": timed_loop(lambda b=body, s=schema: walk.walk_dict(json.loads(b), s, plan)),
            "ours": timed_loop(lambda r=response, s=schema: walk.walk_model(client.deserialize(r, s), s, plan)),
        }
        if schema == "Auth":  # bytes -> model, nothing read: against json.loads alone
            contenders["lazy_floor"] = timed_loop(lambda b=body: json.loads(b))
            contenders["lazy"] = timed_loop(lambda r=response: client.deserialize(r, "Auth"))
        samples = interleaved(contenders, repeat if schema == "Auth" else max(1, repeat // 6), rounds)
        results["deser_full_" + label] = compare(samples)
        if schema == "Auth":
            results["deser_auth"] = compare({"ours": samples["lazy"], "floor": samples["lazy_floor"]})
    return results


# -- (3) import time and (4) peak RSS, in fresh interpreters ----------------------------------

IMPORT_CODE = {
    "floor": "import urllib3",
    # What a program needs before its first call (the package itself loads lazily).
    "ours": "import swagger_client; swagger_client.ApiClient; swagger_client.AuthApi; swagger_client.Configuration",
    "bare": "import swagger_client",
}


def compiled_env() -> Dict[str, str]:
    """An environment where both sides import from compiled bytecode, as after ``pip install``.

    (Some machines set PYTHONDONTWRITEBYTECODE, which would make only our freshly
    checked-out modules compile on every start.)
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="bench-pycache-")
    return env


def fresh_python(code: str, env: Dict[str, str]) -> float:
    script = "import time; _t = time.perf_counter()\n%s\nprint(time.perf_counter() - _t)" % code
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=str(ROOT), env=env
    ).stdout
    return float(out.strip().splitlines()[-1])


def import_times(rounds: int) -> Dict[str, Result]:
    env = compiled_env()
    for code in IMPORT_CODE.values():
        fresh_python(code, env)  # compile once
    samples = alternate({name: (lambda c=code: fresh_python(c, env)) for name, code in IMPORT_CODE.items()}, rounds)
    return {"import": compare(samples), "import_bare": compare(samples, "bare")}


RSS_CODE = {
    "floor": """
import json, urllib3
pool = urllib3.PoolManager()
for _ in range({calls}):
    json.loads(pool.request("GET", "{url}/auth", headers={{"Accept": "application/json"}}).data)
""",
    "ours": """
import swagger_client
api = swagger_client.AuthApi(swagger_client.ApiClient(swagger_client.Configuration(host="{url}")))
for _ in range({calls}):
    api.get_current_auth()
""",
}


# VmHWM, not ru_maxrss: on Linux ru_maxrss carries the parent's peak across fork+exec.
PEAK_RSS_PRINT = """
try:
    print([line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")][0])
except OSError:
    import resource
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss(url: str, calls: int, rounds: int) -> Dict[str, Result]:
    def run(kind: str) -> float:
        code = RSS_CODE[kind].format(url=url, calls=calls) + PEAK_RSS_PRINT
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=str(ROOT)
        ).stdout
        return float(out.strip().splitlines()[-1])

    return {"rss": compare(alternate({"floor": lambda: run("floor"), "ours": lambda: run("ours")}, rounds))}


# -- (5) threads sharing one client ------------------------------------------------------------


def threads(url: str, per_thread: int, rounds: int, count: int = 8) -> Dict[str, Result]:
    import urllib3

    import swagger_client

    pool = urllib3.PoolManager(maxsize=10)
    client = swagger_client.ApiClient(swagger_client.Configuration(host=url))
    api = swagger_client.AuthApi(client)

    def floor_call() -> None:
        json.loads(pool.request("GET", url + "/auth", headers={"Accept": "application/json"}).data)

    # For information: the floor with our default timeout. A socket with a timeout polls
    # before each read, which costs throughput under GIL contention.
    timeout = urllib3.Timeout(connect=10.0, read=60.0)

    def floor_timed_call() -> None:
        json.loads(pool.request("GET", url + "/auth", headers={"Accept": "application/json"}, timeout=timeout).data)

    def run(call: Callable[[], object], calls: int = per_thread) -> float:
        def work() -> None:
            for _ in range(calls):
                call()

        workers = [threading.Thread(target=work) for _ in range(count)]
        started = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        return (count * calls) / (time.perf_counter() - started)  # calls per second

    contenders = {
        "floor": lambda: run(floor_call),
        "ours": lambda: run(api.get_current_auth),
        "floor_timed": lambda: run(floor_timed_call),
    }
    for call in (floor_call, api.get_current_auth, floor_timed_call):
        run(call, max(1, per_thread // 10))  # open every thread's connection first
    samples = alternate(contenders, rounds)
    client.close()
    return {
        "threads": compare(samples),
        "threads_floor_timed": compare(samples, "floor_timed"),
    }


# -- soak: memory over 100,000 calls (--soak, not part of the timed run) -----------------------

SOAK_CODE = """
import logging, swagger_client
api = swagger_client.AuthApi(swagger_client.ApiClient(swagger_client.Configuration(host="{url}")))
pools = api.api_client.rest_client.pool_manager.pools

def rss():
    return int([line.split()[1] for line in open("/proc/self/status") if line.startswith("VmRSS:")][0])

def handlers():
    names = list(logging.root.manager.loggerDict)
    return sum(len(logging.getLogger(n).handlers) for n in names) + len(logging.root.handlers)

for done in range(1, {calls} + 1):
    api.get_current_auth().permissions.banking.accounts[2].account.currency.symbol
    if done % {every} == 0:
        print(done, rss(), handlers(), len(pools), flush=True)
"""


def soak(url: str, calls: int) -> bool:
    """Resident memory, handlers and pools every tenth of ``calls``: flat, or not.

    Flat means: from the first sample (caches and the connection are warm by then) to
    the last, resident memory grows by less than 1 MiB, and handlers and pools not at all.
    """
    every = max(1, calls // 10)
    code = SOAK_CODE.format(url=url, calls=calls, every=every)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=str(ROOT))
    rows = [tuple(int(v) for v in line.split()) for line in out.stdout.splitlines()]
    print("%10s %12s %9s %6s" % ("calls", "rss", "handlers", "pools"))
    for done, rss, handlers, pools in rows:
        print("%10d %8d KiB %9d %6d" % (done, rss, handlers, pools))
    first, last = rows[0], rows[-1]
    flat = last[1] - first[1] < 1024 and last[2:] == first[2:]
    print("soak: calls=%d rss_growth_kib=%d flat=%s" % (calls, last[1] - first[1], "yes" if flat else "NO"))
    return flat


# -- report --------------------------------------------------------------------------------------


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer calls and rounds (under 30 s)")
    parser.add_argument(
        "--soak", type=int, nargs="?", const=100_000, metavar="CALLS", help="only check memory over CALLS calls"
    )
    args = parser.parse_args(argv)
    if args.soak:
        server, url = start_server()
        try:
            return 0 if soak(url, args.soak) else 1
        finally:
            server.terminate()
            server.wait(timeout=10)
    calls, rounds, repeat = (300, 3, 300) if args.quick else (2000, 3, 1000)
    per_thread = 100 if args.quick else 500
    started = time.monotonic()
    server, url = start_server()
    try:
        results: Dict[str, Result] = {}
        results.update(per_call(url, calls, rounds if args.quick else 5))  # 5 rounds: steadier medians
        results.update(deserialization(rounds, repeat))
        results.update(import_times(9 if args.quick else 21))
        results.update(peak_rss(url, calls, 3))
        results.update(threads(url, per_thread, 5 if args.quick else 11))  # 11: the noisiest measure
    finally:
        server.terminate()
        server.wait(timeout=10)
    units = {"rss": "KiB", "threads": "calls/s", "threads_floor_timed": "calls/s"}
    print("%-16s %14s %14s %8s %8s" % ("measure", "ours", "floor", "ratio", "target"))
    ratios = {}
    for name, (ours, floor, ratio) in results.items():
        ratios[name] = ratio
        target = TARGETS.get(name)
        unit = units.get(name, "s")
        if unit == "s":
            shown = ("%.1f us" % (ours * 1e6), "%.1f us" % (floor * 1e6))
        else:
            shown = ("%.0f %s" % (ours, unit), "%.0f %s" % (floor, unit))
        mark = ""
        if target is not None:
            met = ratio >= target if name == "threads" else ratio <= target
            mark = ("%s%.2f" % (">=" if name == "threads" else "<=", target)) + ("" if met else " MISSED")
        print("%-16s %14s %14s %8.2f %8s" % (name, shown[0], shown[1], ratio, mark))
    print(
        "(%.0f s; %d calls x %d rounds; python %s)"
        % (time.monotonic() - started, calls, rounds, sys.version.split()[0])
    )
    print("bench: " + " ".join("%s=%.2f" % (name, ratios[name]) for name in TARGETS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
