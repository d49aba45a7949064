// A fold of a page's erased state, as the runtime takes it: `obj -> ActionContext -> Reply<obj>`.
global using Fold = Microsoft.FSharp.Core.FSharpFunc<object, Microsoft.FSharp.Core.FSharpFunc<LiveView.ActionContext, LiveView.Reply<object>>>;
