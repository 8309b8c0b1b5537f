"""A thinc CPU backend whose matrix products go through numpy's BLAS.

thinc's `NumpyOps.gemm` calls cython-blis, which on some CPUs (this project's AMD EPYC build
machine among them) runs a generic kernel about 3x slower than the OpenBLAS that numpy ships;
the network's matrix products are most of `parse()`'s time. Everything else is `NumpyOps`, so
results match it to float rounding. The same idea as thinc-apple-ops (Accelerate on macOS).
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from thinc.api import Model, NumpyOps, registry


@registry.ops("BlasOps")
class BlasOps(NumpyOps):
    name = "projextract_blas"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):  # noqa: ANN001, ANN201
        x = x.T if trans1 else x
        y = y.T if trans2 else y
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def compute_on_blas_ops(nlp: Language) -> Language:
    """Switch every model of a loaded pipeline to `BlasOps` (models keep the ops they were built with)."""
    ops = BlasOps()
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops
    return nlp
