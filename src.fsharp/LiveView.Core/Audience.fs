namespace LiveView

/// Who an `Audience` is.
type AudienceKind =
    /// One connection (one browser tab), by its id.
    | Connection = 0
    /// Every connection of one signed-in user, by the user's id.
    | User = 1
    /// Every page subscribed to a topic, by the topic's name.
    | Topic = 2
    /// Every connection.
    | Everyone = 3

/// Whom a message goes to: one connection, a user's connections, a topic's subscribers, or everyone. The same
/// address serves a page's broadcast (`Reply.broadcast`) and code outside pages (the host's hub).
type Audience =
    {
        /// Who.
        Kind: AudienceKind
        /// The connection's id, the user's id or the topic's name (empty for everyone).
        Name: string
    }

    /// One connection (one browser tab), by its id (`ActionContext.Connection`).
    static member Connection(id: string) =
        {
            Kind = AudienceKind.Connection
            Name = Audience.Check "connection id" id
        }

    /// Every connection of the signed-in user `id` (the user's `NameIdentifier` claim by default).
    static member User(id: string) =
        {
            Kind = AudienceKind.User
            Name = Audience.Check "user id" id
        }

    /// Every page subscribed to topic `name` (`Subscription.Topic`).
    static member Topic(name: string) =
        {
            Kind = AudienceKind.Topic
            Name = Audience.Check "topic" name
        }

    /// Every connection.
    static member Everyone =
        {
            Kind = AudienceKind.Everyone
            Name = ""
        }

    static member private Check (what: string) (name: string) =
        if System.String.IsNullOrEmpty name then
            invalidArg what $"A {what} cannot be empty."

        name

    /// `topic room:1`, `user 42`, `connection 0HN7...`, `everyone`: for logs and origins.
    override x.ToString() =
        match x.Kind with
        | AudienceKind.Everyone -> "everyone"
        | kind -> $"{kind.ToString().ToLowerInvariant()} {x.Name}"

/// A message a page sends when a fold succeeds: `Message` reaches every page of `To` that handles its type.
type Broadcast =
    {
        /// Whom it goes to.
        To: Audience
        /// The message: any value; pages pick it by its type (`Page.onMessage`).
        Message: obj
    }
