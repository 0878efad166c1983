"""Copies gazetteer/ into the package at build time, so that `pip install .` ships the data."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithGazetteer(build_py):
    def run(self) -> None:
        super().run()
        source = Path(__file__).parent / "gazetteer"
        target = Path(self.build_lib) / "exonym" / "bundled" / "gazetteer"
        if source.is_dir():
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(source, target)


setup(cmdclass={"build_py": BuildWithGazetteer})
