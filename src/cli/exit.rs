//! The exit codes (**contract**): the one place that names them.

use std::process::ExitCode;

/// How the process ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: the command did its job, also when the reader closed the output pipe early.
    Success = 0,
    /// 1: a policy asked for (`check --fail-on`, `diff --exit-code`) fired.
    PolicyFailed = 1,
    /// 2: any error: bad input, a store that cannot answer, output that cannot be written.
    Error = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::Exit;

    #[test]
    fn codes_are_the_contract() {
        assert_eq!(Exit::Success as u8, 0);
        assert_eq!(Exit::PolicyFailed as u8, 1);
        assert_eq!(Exit::Error as u8, 2);
    }
}
