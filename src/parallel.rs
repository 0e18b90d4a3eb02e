//! Two pieces of work at once, for the commands that read a whole season's
//! workspace (`status`, `check`): reading the ledger and the letters, and
//! checking them, are independent, and the machine has two cores.
//!
//! Small inputs stay on one thread: starting one costs more than a letter's
//! worth of work, and `render` of one letter must stay within milliseconds.

/// Runs `a` on another thread and `b` on this one when `worth_it`, else both
/// here, one after the other; either way it returns both results. A panic in
/// `a` is raised again here, as if it had happened on this thread.
pub(crate) fn join<A: Send, B>(
    worth_it: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B,
) -> (A, B) {
    if !worth_it {
        let a = a();
        return (a, b());
    }
    std::thread::scope(|s| {
        let a = s.spawn(a);
        let b = b();
        let a = a
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (a, b)
    })
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn both_results_come_back_in_their_places() {
        for worth_it in [false, true] {
            let (a, b) = join(worth_it, || vec![1, 2], || "b");
            assert_eq!((a, b), (vec![1, 2], "b"));
        }
    }

    #[test]
    #[should_panic(expected = "from a")]
    fn a_panic_on_the_other_thread_is_raised_here() {
        join(true, || panic!("from a"), || ());
    }
}
