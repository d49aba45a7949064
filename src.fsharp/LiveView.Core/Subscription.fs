namespace LiveView

open System
open System.Collections.Generic

/// What a page listens to while it is live, as data: the page's `Subscriptions` function gives the list for a state,
/// and the runtime starts what appears in it and stops what leaves it after every fold (Elmish's subscriptions).
/// Everything stops when the page is left or its connection closes.
[<RequireQualifiedAccess>]
type Subscription =
    /// Messages broadcast to the topic.
    | OnTopic of Topic: string
    /// The presence list of the topic: the whole list at once, then every change, as `PresenceChanged` messages.
    | OnPresence of Topic: string
    /// The page is present in the topic under `Key` with `Meta` (a name, a status...) while it is live.
    | Tracking of Topic: string * Key: string * Meta: Map<string, string>
    /// A timer named `Name` that delivers `Message` after `Due`, then (with `Repeat`) every `Due`. A tick that finds
    /// the previous one of the same timer still queued is skipped.
    | Timer of Name: string * Due: TimeSpan * Repeat: bool * Message: obj

    /// Messages broadcast to topic `name`.
    static member Topic(name: string) =
        OnTopic(Subscription.Check "topic" name)

    /// The presence list of `topic`: all of it first, then every change, as `PresenceChanged` messages.
    static member Presence(topic: string) =
        OnPresence(Subscription.Check "topic" topic)

    /// Be present in `topic` under `key` while the page is live.
    static member Track(topic: string, key: string) =
        Tracking(Subscription.Check "topic" topic, Subscription.Check "key" key, Map.empty)

    /// Be present in `topic` under `key`, with `meta`, while the page is live.
    static member Track(topic: string, key: string, meta: IReadOnlyDictionary<string, string>) =
        Tracking(
            Subscription.Check "topic" topic,
            Subscription.Check "key" key,
            Map.ofSeq [ for pair in meta -> pair.Key, pair.Value ]
        )

    /// `message` every `interval`, the first one `interval` after the timer appears.
    static member Every<'M>(name: string, interval: TimeSpan, message: 'M) =
        Timer(Subscription.Check "timer" name, Subscription.Positive interval, true, Subscription.Message message)

    /// `message` once, `delay` after the timer first appears (it does not fire again while it stays in the list).
    static member After<'M>(name: string, delay: TimeSpan, message: 'M) =
        Timer(Subscription.Check "timer" name, Subscription.Positive delay, false, Subscription.Message message)

    static member private Check (what: string) (name: string) =
        if String.IsNullOrEmpty name then
            invalidArg what $"A {what} name cannot be empty."

        name

    static member private Message<'M>(message: 'M) : obj =
        match box message with
        | null -> nullArg (nameof message)
        | message -> message

    static member private Positive(due: TimeSpan) =
        if due <= TimeSpan.Zero then
            invalidArg (nameof due) "A timer needs a delay greater than zero."

        due

/// One page present in a topic (`Subscription.Track`).
type Presence =
    {
        /// What it is present as (a user name, an id): several pages may share a key (a user's tabs).
        Key: string
        /// What it says about itself.
        Meta: IReadOnlyDictionary<string, string>
    }

/// The message a page with `Subscription.Presence(topic)` receives: first with everyone present as `Joined`, then on
/// every change.
type PresenceChanged =
    {
        /// The topic.
        Topic: string
        /// Everyone present now, in the order they joined.
        Present: IReadOnlyList<Presence>
        /// Who joined with this change.
        Joined: IReadOnlyList<Presence>
        /// Who left with this change.
        Left: IReadOnlyList<Presence>
        /// Whose meta changed with this change (their `Subscription.Track` has a new meta), as they are now.
        Updated: IReadOnlyList<Presence>
    }
