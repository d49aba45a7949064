namespace LiveView.Testing

open System
open System.Collections.Generic
open LiveView

/// A step of a test that could not be taken, or whose page failed: the message names the step.
type LiveTestException(message: string, inner: exn | null) =
    inherit Exception(message, inner)
    new(message: string) = LiveTestException(message, null)

    /// What a test's message adds of `error` (null: nothing): ` InvalidOperationException: the database is away`.
    static member internal Cause(error: exn | null) =
        match error with
        | null -> ""
        | error -> $" {error.GetType().Name}: {error.Message}"

/// One frame the server sent the page: the action it answers (null: a push), its patches, whether the action's
/// effects still ran, and its error (null: none).
type Frame =
    {
        /// `page->handler` of the client action it answers; null for a push (a message, a timer, an effect of one).
        Answer: string | null
        /// What it changed, in order.
        Patches: IReadOnlyList<Patch>
        /// The answered action's effects still run.
        Loading: bool
        /// The error it reported, or null.
        Error: string | null
    }

/// An effect a page started that has not ended yet.
type PendingEffect =
    {
        /// The runtime's number for it.
        Id: int64
        /// Its name (`Effect.perform "load_posts"`).
        Name: string
        /// What started it.
        StartedBy: string
        /// Nobody waits for its result any more (its page left, a newer one of its name replaced it).
        Abandoned: bool
    }
