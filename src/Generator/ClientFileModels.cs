using System.Collections.Generic;
using System.Linq;
using Emr.Codegen.Generator.Emit;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Generator
{
    /// <summary>
    /// What one action's client method needs. <c>IdempotencyProperty</c> is the C# property of the request's
    /// idempotency token member (the spec's <c>metadata.idempotencyToken</c>), or null when the action has none.
    /// </summary>
    internal sealed record ClientActionModel(string Name, string Input, string Output, int? RateLimitPerSecond, EquatableArray<string> RetryableErrorCodes, string? IdempotencyProperty, bool Deprecated);

    /// <summary>
    /// One client class per spec, named from the service: <c>EmrClient</c> for <c>emr</c>. <c>RateLimitErrorCode</c> is
    /// the code (and code family) of a request refused for its rate, which is retried for every action.
    /// </summary>
    internal sealed record ClientFileModel(string Namespace, string Visibility, string ClientName, string ServiceShortName, bool HasEndpointHelper, string RateLimitErrorCode, EquatableArray<ClientActionModel> Actions) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + "." + ClientName + ".g.cs";

        /// <summary>The interface the client implements (<c>IEmrClient</c>), so that code can take it and tests can substitute it.</summary>
        public string InterfaceName => InterfaceNameOf(ClientName);

        /// <summary>The client of a spec with at least one action.</summary>
        public static IEnumerable<FileModel> PlanClient(SpecModel spec, string visibility)
        {
            if (spec.Actions.Count == 0)
            {
                yield break;
            }

            // Ignoring case: the client's file (hint) name must differ from every type's, and Roslyn compares them ignoring case.
            var typeNames = new HashSet<string>(spec.Objects.Select(o => o.Name).Concat(spec.Enums.Select(e => e.Name)), System.StringComparer.OrdinalIgnoreCase);
            string clientName = ClientNameOf(spec.ServiceShortName);
            while (typeNames.Contains(clientName) || typeNames.Contains(InterfaceNameOf(clientName)))
            {
                clientName += "Api";
            }

            var actions = new List<ClientActionModel>();
            foreach (ActionModel action in spec.Actions)
            {
                ObjectModel? input = spec.FindObject(action.Input);
                MemberModel? token = input?.FindMember(spec.IdempotencyToken);
                string? tokenProperty = token != null && input != null && token.Kind == ValueKind.String && token.Enum == null && !token.IsList && !token.Disabled
                    ? GeneratedNames.PropertyName(token, input)
                    : null;
                actions.Add(new ClientActionModel(action.Name, action.Input, action.Output, action.RateLimitPerSecond, action.RetryableErrorCodes, tokenProperty, action.Status == "deprecated"));
            }

            yield return new ClientFileModel(spec.Namespace, visibility, clientName, spec.ServiceShortName, spec.Endpoints.DefaultDomain != null, spec.RateLimitErrorCode, actions.ToEquatableArray());
        }

        private static string InterfaceNameOf(string clientName) => "I" + clientName;

        private static string ClientNameOf(string service)
        {
            var name = new System.Text.StringBuilder();
            bool upper = true;
            foreach (char c in service)
            {
                if (char.IsLetterOrDigit(c) && c < 128)
                {
                    name.Append(upper ? char.ToUpperInvariant(c) : c);
                    upper = false;
                }
                else
                {
                    upper = true;
                }
            }

            string text = name.Length == 0 || char.IsDigit(name[0]) ? "Api" + name : name.ToString();
            return text + "Client";
        }
    }
}
