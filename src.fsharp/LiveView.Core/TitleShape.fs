namespace LiveView

open System

/// What a layout puts around a page's title in its `<title>` (`"{title} · My site"`: no prefix, the suffix
/// `" · My site"`), so that the document title of a new page title is a concatenation, not a render of the layout.
type TitleShape =
    {
        /// The text before the page's title.
        Prefix: string
        /// The text after it.
        Suffix: string
    }

    /// The document title for `title`.
    member x.Around(title: string) = x.Prefix + title + x.Suffix

/// Learning a layout's title shape.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module TitleShape =

    let private probe = "\u0001title\u0001"
    let private check = "\u0002check\u0002"

    /// The shape of the layout that `render` runs (a page title in, the document title out, if the layout has one),
    /// or None when the layout does more than put text around the title (it changes it, repeats it, or has no title):
    /// a second title is rendered to check that the shape predicts it. (A layout whose title depends on the page
    /// title's content in other ways, say its length, is not told apart: keep a layout's title to text around the
    /// page's.)
    let learn (render: string -> string option) : TitleShape option =
        match render probe with
        | Some probed ->
            let at = probed.IndexOf(probe, StringComparison.Ordinal)

            if at < 0 || probed.IndexOf(probe, at + 1, StringComparison.Ordinal) >= 0 then
                None
            else
                let shape =
                    {
                        Prefix = probed.Substring(0, at)
                        Suffix = probed.Substring(at + probe.Length)
                    }

                if render check = Some(shape.Around check) then
                    Some shape
                else
                    None
        | None -> None
