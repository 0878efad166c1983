"""Build steps beyond pyproject.toml: copy gazetteer/ into the package, so that `pip install .`
ships the data, and compile the core (src/exonym/_core.pyx) with Cython when Cython and a C
compiler are there. Without them the package installs all the same and uses the core's
pure-Python twins, which give the same answers (EXONYM_PURE=1 also selects them)."""

import os
import shutil
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py


class BuildWithGazetteer(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):  # an editable install reads the checkout's gazetteer/
            return
        source = Path(__file__).parent / "gazetteer"
        target = Path(self.build_lib) / "exonym" / "bundled" / "gazetteer"
        if source.is_dir():
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(source, target)


class OptionalBuildExt(build_ext):
    """A failed compilation is a slower package, not a failed install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            print(f"exonym: the compiled core was not built ({exc}); the pure-Python core will be used", file=sys.stderr)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:
            print(f"exonym: could not compile {ext.name} ({exc}); the pure-Python core will be used", file=sys.stderr)


def extensions() -> list[Extension]:
    if os.environ.get("EXONYM_PURE"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("exonym: Cython is not installed; the pure-Python core will be used", file=sys.stderr)
        return []
    try:
        return cythonize([Extension("exonym._core", ["src/exonym/_core.pyx"])], quiet=True)  # type: ignore[no-any-return]
    except Exception as exc:
        print(f"exonym: Cython could not translate the core ({exc}); the pure-Python core will be used", file=sys.stderr)
        return []


setup(cmdclass={"build_py": BuildWithGazetteer, "build_ext": OptionalBuildExt}, ext_modules=extensions())
