"""BlasOps: numpy's BLAS for matrix products, identical results to thinc's NumpyOps."""

import numpy
import pytest
from thinc.api import NumpyOps

import projextract
from projextract.ops import BlasOps


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
def test_gemm_matches_numpy_ops(trans1: bool, trans2: bool) -> None:
    rng = numpy.random.default_rng(0)
    x = rng.random((5, 7) if not trans1 else (7, 5), dtype="float32")
    y = rng.random((7, 3) if not trans2 else (3, 7), dtype="float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    numpy.testing.assert_allclose(BlasOps().gemm(x, y, trans1=trans1, trans2=trans2), expected, rtol=1e-5)
    out = numpy.full((5, 3), 99.0, dtype="float32")  # overwritten, not accumulated
    assert BlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, expected, rtol=1e-5)


def test_loaded_pipeline_computes_on_blas_ops() -> None:
    nlp = projextract.load()
    for name in ("tok2vec", "ner"):
        assert all(isinstance(node.ops, BlasOps) for node in nlp.get_pipe(name).model.walk())
