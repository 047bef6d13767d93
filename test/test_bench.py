"""The benchmark script still runs (tiny counts; no timing is asserted here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Iterator, Tuple

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def server(bench: ModuleType) -> Iterator[str]:
    process, url = bench.start_server()
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def positive(result: Tuple[float, float, float]) -> bool:
    return all(value > 0 for value in result)


def test_every_measure_produces_figures(bench: ModuleType, server: str) -> None:
    results = {}
    results.update(bench.per_call(server, 20, 1))
    results.update(bench.deserialization(1, 20))
    results.update(bench.import_times(1))
    results.update(bench.peak_rss(server, 20, 1))
    results.update(bench.threads(server, 5, 1))
    assert set(bench.TARGETS) <= set(results)
    assert all(positive(pair) for pair in results.values()), results


def test_soak_samples_memory_handlers_and_pools(
    bench: ModuleType, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.soak(server, 30) is True
    out = capsys.readouterr().out
    assert out.count(" KiB ") == 10 and "soak: calls=30 " in out and "flat=yes" in out


def test_interleaving_gives_each_contender_its_total(bench: ModuleType) -> None:
    calls = {"a": 0, "b": 0}

    def counter(name: str):  # type: ignore[no-untyped-def]
        def run(n: int) -> float:
            calls[name] += n
            return float(n)

        return run

    samples = bench.interleaved({"a": counter("a"), "b": counter("b")}, total=120, rounds=3, block=50)
    assert calls == {"a": 360, "b": 360}
    assert samples == {"a": [1.0, 1.0, 1.0], "b": [1.0, 1.0, 1.0]}


def test_the_ratio_pairs_contenders_within_each_round(bench: ModuleType) -> None:
    # The machine slows down by half in the last rounds; ours is 10 % slower throughout.
    floor = [1.0, 1.0, 2.0, 2.0, 2.0]
    ours = [1.1, 1.1, 2.2, 2.2, 2.2]
    result = bench.compare({"ours": ours, "floor": floor})
    assert (result.ours, result.floor) == (2.2, 2.0)
    assert result.ratio == pytest.approx(1.1)
    # The ratio of the medians would not see it when the drift falls unevenly:
    skewed = bench.compare({"ours": [1.1, 1.1, 1.1, 2.2, 2.2], "floor": [1.0, 2.0, 2.0, 2.0, 2.0]})
    assert skewed.ratio == pytest.approx(1.1) and skewed.ours / skewed.floor == pytest.approx(0.55)
