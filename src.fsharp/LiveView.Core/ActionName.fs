namespace LiveView

open System
open System.Buffers

/// The target of a client action: a page and one of its handlers, written `page->handler` on the wire.
[<Struct>]
type ActionName =
    {
        /// The page the action is for, e.g. `home`.
        Page: string
        /// The handler of that page, e.g. `random_number`.
        Handler: string
    }

    /// `page->handler`.
    override x.ToString() =
        x.Page + Protocol.ActionSeparator + x.Handler

/// Parsing and formatting of `page->handler` names. Parsing is total: bad input is an `Error`, never an exception.
[<RequireQualifiedAccess>]
module ActionName =

    /// Longest page or handler name accepted.
    [<Literal>]
    let MaxPartLength = 64

    /// The characters of names: ASCII letters, digits, `_`, `-` and `.`.
    let private nameChars =
        SearchValues.Create "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-."

    /// A page or handler name is 1 to 64 ASCII letters, digits, `_`, `-` or `.`.
    let isValidPart (part: string | null) =
        match part with
        | null -> false
        | part ->
            part.Length > 0
            && part.Length <= MaxPartLength
            && part.AsSpan().IndexOfAnyExcept nameChars < 0

    let private describe what (part: string) =
        if part.Length = 0 then
            $"the {what} name is empty"
        elif part.Length > MaxPartLength then
            $"the {what} name is longer than {MaxPartLength} characters"
        else
            $"the {what} name may only hold ASCII letters, digits, '_', '-' and '.'"

    /// Builds a name from its two parts, checking both.
    let create (page: string | null) (handler: string | null) : Result<ActionName, string> =
        match page, handler with
        | null, _
        | _, null -> Error "the page and handler names are required"
        | page, _ when not (isValidPart page) -> Error(describe "page" page)
        | _, handler when not (isValidPart handler) -> Error(describe "handler" handler)
        | page, handler -> Ok { Page = page; Handler = handler }

    /// Parses `page->handler`; anything else is an `Error` that says what is wrong.
    let parse (text: string | null) : Result<ActionName, string> =
        match text with
        | null -> Error "the action is missing"
        | text ->
            match text.IndexOf(Protocol.ActionSeparator, StringComparison.Ordinal) with
            | -1 -> Error "the action must have the form 'page->handler'"
            | i -> create (text.Substring(0, i)) (text.Substring(i + Protocol.ActionSeparator.Length))

    /// Formats a name back to `page->handler`.
    let format (name: ActionName) = name.ToString()
