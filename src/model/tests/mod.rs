//! Tests of the whole model: synthetic accounts with planted effects, determinism, a new
//! account's prior, the shape of the output, and the development set's backtest.

mod dev_set;
