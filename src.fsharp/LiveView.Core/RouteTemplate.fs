namespace LiveView

/// A parameter of a route template, as ASP.NET Core writes it: `{slug}`, `{page:int?}`, `{id=1}`, `{*path}`.
type RouteParameter =
    {
        /// Its name, without constraint or default (`page` of `{page:int?}`).
        Name: string
        /// True when a URL may leave it out: written `{name?}`, or with a default (`{page=1}`), or a catch-all.
        Optional: bool
        /// True for a catch-all (`{*path}`, `{**path}`): it takes the rest of the path, slashes included.
        CatchAll: bool
    }

/// Reading route templates (`/blog/{slug}`): which parameters a route gives its page.
[<RequireQualifiedAccess>]
module RouteTemplate =

    /// The parameter written between braces (`slug`, `page:int?`, `id=1`, `*path`).
    let parameter (inside: string) : RouteParameter =
        let catchAll = inside.StartsWith '*'
        let optional = inside.EndsWith '?'
        let inner = inside.TrimStart('*').TrimEnd('?')
        let parts = inner.Split([| ':'; '=' |])

        {
            Name = parts[0]
            Optional = optional || catchAll || inner.Contains '='
            CatchAll = catchAll
        }

    /// The parameters of `template`, in order (none for a template without braces).
    let parameters (template: string) : RouteParameter list =
        [
            let mutable i = template.IndexOf '{'

            while i >= 0 do
                let close = template.IndexOf('}', i)

                if close > i then
                    yield parameter (template.Substring(i + 1, close - i - 1))
                    i <- template.IndexOf('{', close)
                else
                    i <- -1
        ]

    /// The names of the parameters of `template`, in order.
    let names (template: string) : string list = parameters template |> List.map _.Name
