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
    /// A waiter's extension method: the polled action, the spec's delays in seconds, and its acceptors.
    /// <c>IdempotencyProperty</c> is the action's token member: each poll clears it on its own copy, so polls are not
    /// taken for one request sent again.
    /// </summary>
    internal sealed record ClientWaiterModel(string Name, string Action, string Input, string Output, string Document, int Delay, int MaxDelay, int MaxWait, EquatableArray<ClientAcceptorModel> Acceptors, EquatableArray<string> TransientCodes, bool Deprecated, string? IdempotencyProperty);

    /// <summary>An acceptor, with its path as the C# properties it reads.</summary>
    internal sealed record ClientAcceptorModel(string Matcher, string State, string? Path, EquatableArray<string> Expected, EquatableArray<PathStepModel> Steps);

    /// <summary>One step of a path: a property, and whether each item of it (a list) is looked at.</summary>
    internal sealed record PathStepModel(string Property, bool Each);

    /// <summary>
    /// A paginator's extension methods: the C# properties of the members the spec names (null where it names none).
    /// Each page clears the action's token member (<c>IdempotencyProperty</c>) on the paginator's copy, so that every
    /// page is a request of its own.
    /// </summary>
    internal sealed record ClientPaginatorModel(string Action, string Input, string Output, string Style, string? Offset, string? Limit, string? InputToken, string? OutputToken, string Items, string ItemType, string? Total, bool Deprecated, bool OffsetIsUnsigned, string? IdempotencyProperty);

    /// <summary>
    /// One client class per spec, named from the service: <c>EmrClient</c> for <c>emr</c>. <c>RateLimitErrorCode</c> is
    /// the code (and code family) of a request refused for its rate, which is retried for every action.
    /// </summary>
    internal sealed record ClientFileModel(string Namespace, string Visibility, string ClientName, string ServiceShortName, bool HasEndpointHelper, string RateLimitErrorCode, EquatableArray<ClientActionModel> Actions, EquatableArray<ClientWaiterModel> Waiters, EquatableArray<ClientPaginatorModel> Paginators) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + "." + ClientName + ".g.cs";

        /// <summary>The interface the client implements (<c>IEmrClient</c>), so that code can take it and tests can substitute it.</summary>
        public string InterfaceName => InterfaceNameOf(ClientName);

        /// <summary>The static class of the waiters' and paginators' extension methods on the interface (<c>EmrClientExtensions</c>).</summary>
        public string ExtensionsName => ExtensionsNameOf(ClientName);

        /// <summary>The static class of <c>services.AddEmrClient(...)</c>, when the project references Microsoft.Extensions.Http.</summary>
        public string ServiceCollectionName => ServiceCollectionNameOf(ClientName);

        /// <summary>The client of a spec with at least one action.</summary>
        public static IEnumerable<ClientFileModel> PlanClient(SpecModel spec, string visibility)
        {
            if (spec.Actions.Count == 0)
            {
                yield break;
            }

            // Ignoring case: the client's file (hint) name must differ from every type's, and Roslyn compares them ignoring case.
            var typeNames = new HashSet<string>(spec.Objects.Select(o => o.Name).Concat(spec.Enums.Select(e => e.Name)), System.StringComparer.OrdinalIgnoreCase);
            string clientName = ClientNameOf(spec.ServiceShortName);
            while (typeNames.Contains(clientName) || typeNames.Contains(InterfaceNameOf(clientName)) || typeNames.Contains(ExtensionsNameOf(clientName)) || typeNames.Contains(ServiceCollectionNameOf(clientName)))
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

            var waiters = new List<ClientWaiterModel>();
            foreach (WaiterModel waiter in spec.Waiters)
            {
                ClientActionModel action = actions.First(a => a.Name == waiter.Action);
                ObjectModel output = spec.FindObject(action.Output)!;
                var acceptors = waiter.Acceptors.Select(a => new ClientAcceptorModel(a.Matcher, a.State, a.Path, a.Expected, PathSteps(spec, output, a.Steps))).ToEquatableArray();
                waiters.Add(new ClientWaiterModel(waiter.Name, action.Name, action.Input, action.Output, waiter.Document, waiter.Delay, waiter.MaxDelay, waiter.MaxWait, acceptors, action.RetryableErrorCodes, action.Deprecated, action.IdempotencyProperty));
            }

            var paginators = new List<ClientPaginatorModel>();
            foreach (PaginatorModel paginator in spec.Paginators)
            {
                ClientActionModel action = actions.First(a => a.Name == paginator.Action);
                ObjectModel input = spec.FindObject(action.Input)!;
                ObjectModel output = spec.FindObject(action.Output)!;
                MemberModel items = output.FindMember(paginator.Items)!;
                paginators.Add(new ClientPaginatorModel(
                    action.Name, action.Input, action.Output, paginator.Style,
                    Property(input, paginator.Offset), Property(input, paginator.Limit), Property(input, paginator.InputToken),
                    Property(output, paginator.OutputToken), GeneratedNames.PropertyName(items, output), ObjectEmitter.ItemType(spec.Namespace, items),
                    Property(output, paginator.Total), action.Deprecated, paginator.Offset != null && input.FindMember(paginator.Offset)!.Kind == ValueKind.UnsignedInteger, action.IdempotencyProperty));
            }

            yield return new ClientFileModel(spec.Namespace, visibility, clientName, spec.ServiceShortName, spec.Endpoints.DefaultDomain != null, spec.RateLimitErrorCode, actions.ToEquatableArray(), waiters.ToEquatableArray(), paginators.ToEquatableArray());
        }

        /// <summary>The C# property of a member the spec names, or null when it names none.</summary>
        private static string? Property(ObjectModel owner, string? member) =>
            member is null ? null : GeneratedNames.PropertyName(owner.FindMember(member)!, owner);

        /// <summary>The steps of a path the reader checked (<c>ClusterList[].Status</c>), as the C# properties they read.</summary>
        private static EquatableArray<PathStepModel> PathSteps(SpecModel spec, ObjectModel output, EquatableArray<AnswerStepModel> steps)
        {
            var properties = new List<PathStepModel>();
            ObjectModel? current = output;
            foreach (AnswerStepModel step in steps)
            {
                MemberModel member = current!.FindMember(step.Member)!;
                properties.Add(new PathStepModel(GeneratedNames.PropertyName(member, current), step.Each));
                current = member.ObjectName is string next ? spec.FindObject(next) : null;
            }

            return properties.ToEquatableArray();
        }

        private static string InterfaceNameOf(string clientName) => "I" + clientName;

        private static string ExtensionsNameOf(string clientName) => clientName + "Extensions";

        private static string ServiceCollectionNameOf(string clientName) => clientName + "ServiceCollectionExtensions";

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
