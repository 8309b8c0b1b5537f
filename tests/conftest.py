from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def nlp():
    import projextract

    return projextract.load()


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}


@pytest.fixture(scope="session")
def examples() -> list[dict]:
    import json

    return [json.loads(line) for line in (ROOT / "docs" / "examples.jsonl").read_text("utf-8").splitlines() if line]
