namespace LiveView

/// What the runtime asks the host to do after a step, in order.
[<RequireQualifiedAccess>]
type Output =
    /// Send `Patches` as frames answering `Answer`; with no patches, an acknowledgement (our client only).
    /// `Loading`: the answered action's effects still run.
    | Frames of Answer: ActionName * Patches: Patch list * Loading: bool
    /// Send `Patches` as frames that answer no action: a fold of a message, a timer tick, or an effect started by one.
    | Push of Patches: Patch list
    /// Send an error frame for `Fault` (answering `Answer` when known) and log it.
    | Fail of Fault: Fault * Answer: ActionName voption * Loading: bool
    /// Log `Fault` only: nobody is left to tell (an abandoned effect's work failed).
    | Log of Fault: Fault
    /// Run `Work` off the connection's loop as effect `Effect`; post its end back as an input.
    | Start of Effect: int64 * Work: Effect<obj> * Origin: Origin
    /// Nobody wants effect `Effect`'s result any more: cancel its `Abandoned` token. It still ends with an input.
    | Cancel of Effect: int64
    /// Start `Subscription` for the page instance `Owner`; what it delivers comes back as `Input.Message(Owner, ...)`.
    | Subscribe of Owner: int64 * Subscription: Subscription
    /// Stop `Subscription` of the page instance `Owner` (changed with its state, or the page is left).
    | Unsubscribe of Owner: int64 * Subscription: Subscription
    /// The page instance `Owner`'s presence `Before` (a `Tracking`) changed its meta to `After`'s: update it in place,
    /// so that watchers see one update, not a leave and a join.
    | Retrack of Owner: int64 * Before: Subscription * After: Subscription
    /// Send a message of page `Page` to its audience (`Page` sent it: the live page, or the one mounting).
    | Broadcast of Broadcast: Broadcast * Page: string
    /// A reconnecting client's mount of `Page` carried a snapshot (`Input.Resume`): `Ok` the page resumed from it,
    /// `Error` it mounted afresh, and why. For the log.
    | Reconnected of Page: string * Outcome: Result<unit, SnapshotRejection>
    /// Evaluate whether the connection's user may mount `Page`; answer with `Input.Authorized`.
    | Authorize of Navigation: int64 * Page: string
