//! The model's checked decimal arithmetic, one non-generic function each, never inlined: the
//! decimal operations then exist once in the WebAssembly instead of once per call site (each
//! inlined `checked_mul` or `checked_div` is a few hundred bytes).

use rust_decimal::Decimal;

#[inline(never)]
pub fn checked_sum(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

#[inline(never)]
pub fn checked_difference(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

#[inline(never)]
pub fn checked_product(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

#[inline(never)]
pub fn checked_quotient(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}
