namespace LiveView

open System

/// Why a page did not resume from the snapshot of its state a reconnecting client sent: it mounts afresh instead
/// (init, mount handler), and the host logs why, never the state's content.
[<RequireQualifiedAccess>]
type SnapshotRejection =
    /// Not a snapshot this application's keys made for this page and this user: altered, another page's or another
    /// user's, or made with a key the key ring does not hold (keys not shared between nodes, or removed).
    | Unreadable
    /// Older than the host allows (`LiveViewOptions.MaxStateAge`).
    | Expired of Age: TimeSpan
    /// The page's state type changed shape since the snapshot was made (a deploy that changed it).
    | ShapeChanged
    /// The snapshot reads, but what it holds does not fit the page's state type; `Problem` says where (a JSON path,
    /// an exception's type), never the content.
    | Unfit of Problem: string
    /// Larger than the host allows (`LiveViewOptions.MaxStateBytes`).
    | TooLarge of Bytes: int
    /// The page does not keep its state (`Page.forgetState`), or its state's type cannot be snapshotted.
    | NotKept
    /// The restored state could not be resumed: the page's resume handler, view, title or subscriptions threw for it.
    | Unusable of Error: exn

    /// A sentence for the log.
    member x.Message =
        match x with
        | Unreadable ->
            "the snapshot is not one this application's keys made for this page and user (altered, another page's or user's, or its key is not in the key ring)"
        | Expired age -> $"the snapshot is too old ({age.TotalMinutes:F0} min)"
        | ShapeChanged -> "the page's state type changed shape since the snapshot was made"
        | Unfit problem -> $"the snapshot does not fit the page's state type ({problem})"
        | TooLarge bytes -> $"the snapshot is too large ({bytes} bytes)"
        | NotKept -> "the page does not keep its state"
        | Unusable error -> $"the restored state could not be resumed ({error.GetType().Name})"

/// What the host made of the snapshot a reconnecting client sent with its mount: the state it decodes to, or why it
/// cannot be used. The host reads and checks it (keys, page, user, age, the state type's shape); the runtime decides.
[<RequireQualifiedAccess>]
type Snapshot =
    /// The snapshot is genuine and decodes to this state.
    | Decoded of State: obj
    /// The snapshot cannot be used.
    | Rejected of Why: SnapshotRejection

/// The rules for a reconnecting client's mount that carries a snapshot of its page's state.
[<RequireQualifiedAccess>]
module Resume =

    /// The state a reconnecting page resumes from, or why it mounts afresh: a page that forgets its state never
    /// resumes, whatever it is sent; a rejected snapshot never resumes; a decoded one does, unless it holds nothing.
    let decide (keeping: StateKeeping) (snapshot: Snapshot) : Result<obj, SnapshotRejection> =
        match keeping, snapshot with
        | StateKeeping.Forgotten, _ -> Error SnapshotRejection.NotKept
        | _, Snapshot.Rejected why -> Error why
        | _, Snapshot.Decoded state when obj.ReferenceEquals(state, null) ->
            Error(SnapshotRejection.Unfit "it holds no state")
        | _, Snapshot.Decoded state -> Ok state
