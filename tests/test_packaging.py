"""The catalog installs as ``symderive.catalog`` from the top-level folder ``derivations/``."""

import tomllib
from pathlib import Path

import symderive.catalog

ROOT = Path(__file__).resolve().parents[1]


def _setuptools_table() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_folder_is_listed_for_installation():
    listed = set(_setuptools_table()["packages"])
    folders = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "symderive").rglob("__init__.py")
    }
    assert folders | {"symderive.catalog"} == listed


def test_the_catalog_folder_installs_under_symderive():
    assert _setuptools_table()["package-dir"] == {"symderive.catalog": "derivations"}
    assert Path(symderive.catalog.__file__).parent.name == "derivations"
    assert len(symderive.catalog.all_derivations()) > 0
