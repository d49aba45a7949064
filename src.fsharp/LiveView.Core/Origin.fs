namespace LiveView

/// Where a fold comes from: every change to a page's state has one, and errors and logs name it.
[<RequireQualifiedAccess>]
type Origin =
    /// A client action, `page->handler`.
    | Client of Action: ActionName
    /// The result of the effect `Name`, started by a fold of origin `StartedBy` (a client action, a mount, a message
    /// or a timer; never another effect: an effect started by an effect's result belongs to the same root).
    | Effect of Name: string * StartedBy: Origin
    /// Mounting the page `Page`: its init, its mount handler and the effects they start.
    | Mount of Page: string
    /// A message of type `Type` from `Source` (`topic room:1`, `user 42`, `presence of room:1`...).
    | Message of Type: string * Source: string
    /// A tick of the page's timer `Name`.
    | Timer of Name: string

    /// The client action or the mount this fold belongs to, through effects.
    member x.Root =
        match x with
        | Effect(_, startedBy) -> startedBy.Root
        | root -> root

    /// `home->search`, `effect 'search_posts' of home->search`, `mount of blog`, `message Said from topic room:1`,
    /// `timer 'tick'`: for messages and logs.
    override x.ToString() =
        match x with
        | Client action -> action.ToString()
        | Effect(name, startedBy) -> $"effect '{name}' of {startedBy}"
        | Mount page -> $"mount of {page}"
        | Message(kind, source) -> $"message {kind} from {source}"
        | Timer name -> $"timer '{name}'"
