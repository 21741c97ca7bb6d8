using System.Globalization;
using System.Linq;
using Emr.Codegen.Spec;

namespace Emr.Codegen.Generator.Emit
{
    /// <summary>Emits a spec's client: one <c>XxxAsync</c> method per action over the shared sender.</summary>
    internal static partial class ClientEmitter
    {
        public static string Emit(ClientFileModel file)
        {
            string ns = file.Namespace;
            var w = new CodeWriter();
            Types.Header(w, ns);
            string clientInterface = file.InterfaceName;
            w.Line("/// <summary>The actions of <see cref=\"" + file.ClientName + "\"/>: take this in your code, so that a test can substitute the client.</summary>");
            w.Line(Types.GeneratedCodeAttribute);
            w.Open(file.Visibility + " interface " + clientInterface);
            w.Line("/// <summary>Where requests go: the region's endpoint, or the options' override.</summary>");
            w.Line("global::System.Uri Endpoint { get; }");
            foreach (ClientActionModel action in file.Actions)
            {
                w.Line();
                w.Line("/// <summary>Sends <c>" + CSharpNames.XmlText(action.Name) + "</c> and reads its answer (see <see cref=\"" + file.ClientName + "." + action.Name + "Async\"/>).</summary>");
                if (action.Deprecated)
                {
                    w.Line("[global::System.Obsolete(\"The API marks this action deprecated.\")]");
                }

                w.Line("global::System.Threading.Tasks.Task<" + Types.Global(ns, action.Output) + "> " + action.Name + "Async(" + Types.Global(ns, action.Input) + " request, global::System.Threading.CancellationToken cancellationToken = default);");
            }

            w.Close();
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Sends the API's actions to Tencent Cloud: signed with TC3-HMAC-SHA256, throttled to each action's rate limit,");
            w.Line("/// transient failures retried with backoff (requests with an idempotency token keep the same token on every attempt).");
            w.Line("/// </summary>");
            w.Line(Types.GeneratedCodeAttribute);
            w.Open(file.Visibility + " sealed class " + file.ClientName + " : " + clientInterface);
            w.Line("private readonly " + Types.Runtime + "ApiSender _sender;");
            w.Line();
            w.Line("/// <summary>Creates a client for a region.</summary>");
            w.Line("/// <param name=\"credential\">The API key, e.g. <see cref=\"" + Types.Runtime + "ApiCredential.FromEnvironment\"/>.</param>");
            w.Line("/// <param name=\"region\">The region, e.g. <c>ap-guangzhou</c>; it also chooses the endpoint.</param>");
            w.Line("/// <param name=\"options\">Endpoint override, timeout, retries, validation, hooks; defaults when null.</param>");
            w.Line("/// <param name=\"httpClient\">An <c>HttpClient</c> to send with (from <c>IHttpClientFactory</c>, say); when null a shared, pooled one is used.</param>");
            w.Open("public " + file.ClientName + "(" + Types.Runtime + "ApiCredential credential, string region, " + Types.Runtime + "ApiClientOptions? options = null, global::System.Net.Http.HttpClient? httpClient = null)");
            string domain = file.HasEndpointHelper
                ? "global::" + ns + ".ApiMetadata.GetEndpoint(region)"
                : CSharpNames.StringLiteral(file.ServiceShortName + ".tencentcloudapi.com");
            w.Line("_sender = new " + Types.Runtime + "ApiSender(credential, region, " + CSharpNames.StringLiteral(file.ServiceShortName) + ", global::" + ns + ".ApiMetadata.ApiVersion, new global::System.Uri(\"https://\" + " + domain + " + \"/\"), " + CSharpNames.StringLiteral(file.RateLimitErrorCode) + ", options, httpClient);");
            w.Close();
            w.Line();
            w.Line("/// <summary>Where requests go: the region's endpoint, or the options' override.</summary>");
            w.Line("public global::System.Uri Endpoint => _sender.Endpoint;");
            foreach (ClientActionModel action in file.Actions)
            {
                string request = Types.Global(ns, action.Input);
                string response = Types.Global(ns, action.Output);
                string retryable = action.RetryableErrorCodes.Count == 0
                    ? "global::System.Array.Empty<string>()"
                    : "s_" + action.Name + "RetryableCodes";
                if (action.RetryableErrorCodes.Count > 0)
                {
                    w.Line();
                    w.Line("private static readonly string[] s_" + action.Name + "RetryableCodes = " + StringArray(action.RetryableErrorCodes) + ";");
                }

                w.Line();
                w.Line("/// <summary>Sends <c>" + CSharpNames.XmlText(action.Name) + "</c> and reads its answer.</summary>");
                w.Line("/// <remarks>");
                w.Line(action.RateLimitPerSecond is int limit
                    ? "/// At most " + limit.ToString(CultureInfo.InvariantCulture) + " calls per second per client; calls beyond it wait."
                    : "/// The spec gives no rate limit: calls are not throttled.");
                w.Line(action.IdempotencyProperty is string token
                    ? "/// An empty <c>" + CSharpNames.XmlText(token) + "</c> is set to a new GUID (left on the request, so sending it again later cannot act twice); every retry sends the same token."
                    : "/// The request has no idempotency token: it is retried only where the server certainly did not act (rate limited, no connection).");
                w.Line("/// </remarks>");
                w.Line("/// <exception cref=\"" + Types.Runtime + "ApiValidationException\">The request is not valid (when <c>ValidateRequests</c> is on); nothing was sent.</exception>");
                w.Line("/// <exception cref=\"" + Types.Runtime + "ApiException{TCode}\">The API answered with an error, or with something that is not its answer.</exception>");
                w.Line("/// <exception cref=\"global::System.TimeoutException\">No answer within the options' timeout.</exception>");
                if (action.Deprecated)
                {
                    w.Line("[global::System.Obsolete(\"The API marks this action deprecated.\")]");
                }

                w.Open("public global::System.Threading.Tasks.Task<" + response + "> " + action.Name + "Async(" + request + " request, global::System.Threading.CancellationToken cancellationToken = default)");
                w.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
                if (action.IdempotencyProperty is string property)
                {
                    w.Open("if (string.IsNullOrEmpty(request." + property + "))");
                    w.Line("request." + property + " = global::System.Guid.NewGuid().ToString();");
                    w.Close();
                    w.Line();
                }

                w.Open("if (_sender.Options.ValidateRequests)");
                w.Line("request.EnsureValid();");
                w.Close();
                w.Line();
                string rate = action.RateLimitPerSecond is int perSecond ? perSecond.ToString(CultureInfo.InvariantCulture) : "null";
                w.Line("return _sender.SendAsync<" + response + ", " + Types.ErrorCode(ns) + ">(" + CSharpNames.StringLiteral(action.Name) + ", " + rate + ", " + (action.IdempotencyProperty != null ? "true" : "false") + ", " + retryable + ", request.ToJson(), " + response + ".ParseEnvelope, cancellationToken);");
                w.Close();
            }

            w.Close();
            EmitOperations(w, file);
            return w.ToString();
        }
    }
}
