namespace LiveView

/// One change that turns the DOM of a view's last render into the next, applied in order. A path is the child
/// indexes from the element the page is shown in down to a node, in the DOM as it is when the change is applied.
[<RequireQualifiedAccess>]
type ViewChange =
    /// Sets the text of the text node at `Path`.
    | SetText of Path: int list * Text: string
    /// Sets attribute `Name` of the element at `Path`.
    | SetAttribute of Path: int list * Name: string * Value: string
    /// Removes attribute `Name` of the element at `Path`.
    | RemoveAttribute of Path: int list * Name: string
    /// Replaces the content of the element at `Path` (its markup changed, or it became or stopped being markup).
    | SetContent of Path: int list * Content: ViewContent
    /// Inserts `Node` as child `Index` of the node at `Parent`.
    | Insert of Parent: int list * Index: int * Node: ViewNode
    /// Removes the node at `Path`.
    | Remove of Path: int list
    /// Moves child `From` of the node at `Parent` to index `To`, the index it has once it has left `From`.
    | Move of Parent: int list * From: int * To: int
    /// Replaces the node at `Path` with `Node`.
    | Replace of Path: int list * Node: ViewNode

/// What changed in a page's view after a fold: the tree the client was shown, the tree of the new state, and the
/// changes that turn one into the other. The runtime makes it; the host sends `Changes` to our client and, to a
/// Django LiveView v1 client, the content of the elements that cover them (`ViewCover.patches`).
type ViewUpdate =
    {
        /// The view as the client shows it (hand-written patches included).
        Before: ViewNode list
        /// The view of the new state.
        After: ViewNode list
        /// The changes, in order; never empty.
        Changes: ViewChange list
    }
