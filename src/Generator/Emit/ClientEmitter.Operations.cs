using System.Globalization;
using System.Linq;
using Emr.Codegen.Spec;

namespace Emr.Codegen.Generator.Emit
{
    /// <summary>
    /// The spec's waiters and paginators, as extension methods on the client's interface: they poll and page through
    /// its action methods, so they work with the generated client and with any fake of the interface alike. The loop,
    /// delays and stop conditions are the runtime's; what is generated is the data (acceptors, member accessors).
    /// </summary>
    internal static partial class ClientEmitter
    {
        private static void EmitOperations(CodeWriter w, ClientFileModel file)
        {
            if (file.Waiters.Count == 0 && file.Paginators.Count == 0)
            {
                return;
            }

            string ns = file.Namespace;
            string client = Types.Global(ns, file.InterfaceName);
            w.Line();
            w.Line("/// <summary>The spec's waiters and paginators over <see cref=\"" + file.InterfaceName + "\"/>: they call its action methods, so they work with any implementation.</summary>");
            w.Line(Types.GeneratedCodeAttribute);
            w.Open(file.Visibility + " static class " + file.ExtensionsName);
            foreach (ClientWaiterModel waiter in file.Waiters)
            {
                EmitWaiter(w, file, waiter, client);
            }

            foreach (ClientPaginatorModel paginator in file.Paginators)
            {
                EmitPaginator(w, ns, paginator, client);
            }

            w.Close();
        }

        private static void EmitWaiter(CodeWriter w, ClientFileModel file, ClientWaiterModel waiter, string client)
        {
            string ns = file.Namespace;
            string request = Types.Global(ns, waiter.Input);
            string response = Types.Global(ns, waiter.Output);
            string field = "s_" + waiter.Name + "Waiter";
            w.Line();
            w.Indent("private static readonly " + Types.Runtime + "ApiWaiter<" + response + "> " + field + " = new " + Types.Runtime + "ApiWaiter<" + response + ">(");
            w.Line(CSharpNames.StringLiteral(waiter.Name) + ",");
            w.Line(Seconds(waiter.Delay) + ", " + Seconds(waiter.MaxDelay) + ", " + Seconds(waiter.MaxWait) + ",");
            w.Indent("new " + Types.Runtime + "ApiWaiterAcceptor<" + response + ">[]");
            w.Line("{");
            foreach (ClientAcceptorModel acceptor in waiter.Acceptors)
            {
                string select = acceptor.Path is null ? "null" : "static r => " + PathExpression("r", acceptor, 0, nullable: false);
                w.Line("new " + Types.Runtime + "ApiWaiterAcceptor<" + response + ">(" + Types.Runtime + "ApiWaiterMatcher." + CSharpNames.Pascal(acceptor.Matcher) + ", " + Types.Runtime + "ApiWaiterState." + CSharpNames.Pascal(acceptor.State) + ", "
                    + CSharpNames.StringLiteral(acceptor.Path) + ", " + StringArray(acceptor.Expected) + ", " + select + "),");
            }

            w.Dedent("},");
            w.Line(StringArray(waiter.TransientCodes) + ",");
            w.Dedent(CSharpNames.StringLiteral(file.RateLimitErrorCode) + ");");
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Waits until the spec's <c>" + CSharpNames.XmlText(waiter.Name) + "</c>" + (waiter.Document.Length > 0 ? ": " + CSharpNames.XmlText(waiter.Document) : string.Empty));
            w.Line("/// It sends <c>" + CSharpNames.XmlText(waiter.Action) + "</c> with <paramref name=\"request\"/> until an acceptor decides:");
            w.Line("/// <list type=\"bullet\">");
            foreach (ClientAcceptorModel acceptor in waiter.Acceptors)
            {
                w.Line("/// <item><description>" + CSharpNames.XmlText(Describe(acceptor)) + "</description></item>");
            }

            w.Line("/// </list>");
            w.Line("/// Anything else polls again, first after " + waiter.Delay.ToString(CultureInfo.InvariantCulture) + " s, then after random delays that grow up to "
                + waiter.MaxDelay.ToString(CultureInfo.InvariantCulture) + " s, for at most " + waiter.MaxWait.ToString(CultureInfo.InvariantCulture) + " s (the options override each).");
            w.Line("/// Every poll goes through the client, so the action's rate limit and retries apply.");
            w.Line("/// </summary>");
            w.Line("/// <param name=\"client\">The client to poll with.</param>");
            w.Line("/// <param name=\"request\">The request each poll sends.</param>");
            w.Line("/// <param name=\"options\">Delays, time limit and progress; the spec's when null.</param>");
            w.Line("/// <param name=\"cancellationToken\">Ends the wait.</param>");
            w.Line("/// <returns>The answer the success acceptor matched.</returns>");
            w.Line("/// <exception cref=\"" + Types.Runtime + "WaiterFailedException\">A failure acceptor matched; its <c>LastState</c> says what was seen.</exception>");
            w.Line("/// <exception cref=\"" + Types.Runtime + "WaiterTimeoutException\">No acceptor decided in time (a <see cref=\"global::System.TimeoutException\"/>); its <c>LastState</c> says what was seen last.</exception>");
            Obsolete(w, waiter.Deprecated);
            w.Open("public static global::System.Threading.Tasks.Task<" + response + "> WaitUntil" + waiter.Name + "Async(this " + client + " client, " + request + " request, " + Types.Runtime + "ApiWaiterOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
            if (waiter.IdempotencyProperty is string idempotency)
            {
                w.Line("return " + field + ".WaitAsync(Poll, options, cancellationToken);");
                w.Line();
                w.Open("global::System.Threading.Tasks.Task<" + response + "> Poll(global::System.Threading.CancellationToken token)");
                w.Line(request + " poll = " + request + ".FromJson(request.ToJson());");
                w.Line("poll." + idempotency + " = string.Empty;");
                w.Line("return client." + waiter.Action + "Async(poll, token);");
                w.Close();
            }
            else
            {
                w.Line("return " + field + ".WaitAsync(token => client." + waiter.Action + "Async(request, token), options, cancellationToken);");
            }
            w.Close();
        }

        private static void EmitPaginator(CodeWriter w, string ns, ClientPaginatorModel paginator, string client)
        {
            string request = Types.Global(ns, paginator.Input);
            string response = Types.Global(ns, paginator.Output);
            string type = Types.Runtime + "ApiPaginator<" + request + ", " + response + ", " + paginator.ItemType + ">";
            string field = "s_" + paginator.Action + "Pages";
            bool token = paginator.Style == "token";
            w.Line();
            w.Indent("private static readonly " + type + " " + field + " = new " + type + "(");
            w.Line(CSharpNames.StringLiteral(paginator.Action) + ", " + Types.Runtime + "ApiPageStyle." + CSharpNames.Pascal(paginator.Style) + ",");
            w.Line("static r => " + request + ".FromJson(r.ToJson()),");
            w.Line(token ? "null, null," : "static r => (long?)r." + paginator.Offset + ", static (r, v) => r." + paginator.Offset + " = (" + CountType(paginator) + ")v,");
            w.Line(paginator.Limit is string limit ? "static r => (long?)r." + limit + "," : "null,");
            w.Line(token ? "static r => r." + paginator.InputToken + ", static (r, v) => r." + paginator.InputToken + " = v, static r => r." + paginator.OutputToken + "," : "null, null, null,");
            w.Line("static r => r." + paginator.Items + ",");
            w.Dedent((paginator.Total is string total ? "static r => (long?)r." + total : "null") + ");");

            string stops = token
                ? "when the answer's next token is empty"
                : (paginator.Style == "page" ? "asking for page " : "moving the offset past the items seen, ") + "after an empty page or one shorter than the limit";
            foreach (bool items in new[] { false, true })
            {
                string element = items ? paginator.ItemType : response;
                w.Line();
                w.Line("/// <summary>");
                w.Line(items
                    ? "/// The items of every page of <c>" + CSharpNames.XmlText(paginator.Action) + "</c> (each answer's <c>" + CSharpNames.XmlText(paginator.Items) + "</c>), in order."
                    : "/// Every page of <c>" + CSharpNames.XmlText(paginator.Action) + "</c>, starting at <paramref name=\"request\"/>'s own " + (token ? "token" : "offset") + ".");
                w.Line("/// Pages are asked for " + (token ? "with the answer's token, " : string.Empty) + stops
                    + (paginator.Total != null ? ", or once <c>" + CSharpNames.XmlText(paginator.Total) + "</c> items were seen" : string.Empty) + ".");
                w.Line("/// A server that answers a page with the same items (or token) as the page before ends the paging with <see cref=\"" + Types.Runtime + "ApiPaginationException\"/>.");
                w.Line("/// The request is copied, never changed.");
                w.Line("/// </summary>");
                w.Line("/// <param name=\"client\">The client to send with.</param>");
                w.Line("/// <param name=\"request\">The first page's request.</param>");
                w.Line("/// <param name=\"cancellationToken\">Ends the paging.</param>");
                w.Line("/// <returns>The " + (items ? "items" : "pages") + ", fetched as they are enumerated.</returns>");
                Obsolete(w, paginator.Deprecated);
                w.Open("public static global::System.Collections.Generic.IAsyncEnumerable<" + element + "> " + paginator.Action + (items ? "Items" : "Pages") + "Async(this " + client + " client, " + request + " request, global::System.Threading.CancellationToken cancellationToken = default)");
                w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
                string send = paginator.IdempotencyProperty is string idempotency
                    ? "(page, token) => { page." + idempotency + " = string.Empty; return client." + paginator.Action + "Async(page, token); }"
                    : "client." + paginator.Action + "Async";
                w.Line("return " + field + "." + (items ? "Items" : "Pages") + "Async(request, " + send + ", cancellationToken);");
                w.Close();
            }
        }

        /// <summary>The C# that reads a path's values: <c>ApiPath.Each(r.ClusterList, x0 => ApiPath.One(x0.Status))</c>.</summary>
        private static string PathExpression(string value, ClientAcceptorModel acceptor, int index, bool nullable)
        {
            if (index == acceptor.Steps.Count)
            {
                return Types.Runtime + "ApiPath.One(" + value + ")";
            }

            PathStepModel step = acceptor.Steps[index];
            string access = value + (nullable ? "?." : ".") + step.Property;
            if (!step.Each)
            {
                return PathExpression(access, acceptor, index + 1, nullable: true);
            }

            string item = "x" + index.ToString(CultureInfo.InvariantCulture);
            return Types.Runtime + "ApiPath.Each(" + access + ", " + item + " => " + PathExpression(item, acceptor, index + 1, nullable: false) + ")";
        }

        private static string Describe(ClientAcceptorModel acceptor)
        {
            string values = string.Join(" or ", acceptor.Expected);
            string what = acceptor.Matcher switch
            {
                "error" => "the error " + values,
                "pathAll" => "every " + acceptor.Path + " is " + values,
                "pathAny" => "some " + acceptor.Path + " is " + values,
                _ => acceptor.Path + " is " + values,
            };
            return what + ": " + acceptor.State + ".";
        }

        private static void Obsolete(CodeWriter w, bool deprecated)
        {
            if (deprecated)
            {
                w.Line("[global::System.Obsolete(\"The API marks this action deprecated.\")]");
            }
        }

        /// <summary>The C# type the offset or page member takes (the reader allows only whole numbers).</summary>
        private static string CountType(ClientPaginatorModel paginator) => paginator.OffsetIsUnsigned ? "ulong" : "long";

        private static string Seconds(int seconds) => "global::System.TimeSpan.FromSeconds(" + seconds.ToString(CultureInfo.InvariantCulture) + ")";

        /// <summary>A <c>string[]</c> expression of the items; the empty array without allocating.</summary>
        internal static string StringArray(Spec.Model.EquatableArray<string> items) =>
            items.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", items.Select(CSharpNames.StringLiteral)) + " }";
    }
}
