using System;
using System.Globalization;
using Emr.Codegen.Runtime;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Spec.Model
{
    /// <summary>The merged, validated spec: everything the generator emits and the analyzers check.</summary>
    /// <remarks>
    /// <c>Documentation</c> is the absolute http(s) address of the API's documentation (metadata.documentation), the help
    /// link of the diagnostics, or null. <c>MissingErrorCode</c> is the code the server returns for a required member that
    /// is not sent: metadata.missingErrorCode, else MissingParameter when an action lists it, else null.
    /// <c>IdempotencyToken</c> (metadata.idempotencyToken, default ClientToken) names the request member that makes
    /// retries safe; <c>RateLimitErrorCode</c> (metadata.rateLimitErrorCode, default RequestLimitExceeded) is the code of
    /// a request refused for its rate (see <see cref="PlatformConventions"/>).
    /// </remarks>
    internal sealed record SpecModel(
        string Namespace,
        string ServiceShortName,
        string ApiVersion,
        EndpointModel Endpoints,
        EquatableArray<ActionModel> Actions,
        EquatableArray<ObjectModel> Objects,
        EquatableArray<EnumModel> Enums,
        EquatableArray<ErrorCodeModel> ErrorCodes,
        string? Documentation,
        string? MissingErrorCode,
        string IdempotencyToken,
        string RateLimitErrorCode,
        EquatableArray<WaiterModel> Waiters,
        EquatableArray<PaginatorModel> Paginators)
    {
        public ObjectModel? FindObject(string name)
        {
            foreach (ObjectModel item in Objects)
            {
                if (item.Name == name)
                {
                    return item;
                }
            }

            return null;
        }

        public EnumModel? FindEnum(string? name)
        {
            foreach (EnumModel item in Enums)
            {
                if (item.Name == name)
                {
                    return item;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// A waiter (the spec's <c>waiters</c>): polls <c>Action</c> until an acceptor, tried in order, says success or
    /// failure; no match means poll again. Delays are seconds: the first wait, the longest one, and the whole time allowed.
    /// </summary>
    internal sealed record WaiterModel(string Name, string Action, string Document, int Delay, int MaxDelay, int MaxWait, EquatableArray<AcceptorModel> Acceptors);

    /// <summary>
    /// One acceptor of a waiter. <c>Matcher</c> is <c>path</c> (the one value at <c>Path</c>), <c>pathAll</c> (every
    /// value, and at least one), <c>pathAny</c> (some value) or <c>error</c> (the API error code); <c>Expected</c> are the
    /// values (invariant text) or codes any of which matches; <c>State</c> is <c>success</c>, <c>failure</c> or <c>retry</c>.
    /// <c>Steps</c> is <c>Path</c> as the reader checked it, member by member (empty for an error acceptor).
    /// </summary>
    internal sealed record AcceptorModel(string Matcher, string State, string? Path, EquatableArray<AnswerStepModel> Steps, EquatableArray<string> Expected);

    /// <summary>One step of an answer path: a member of the object reached so far, and whether each of its items (a list) is looked at.</summary>
    internal sealed record AnswerStepModel(string Member, bool Each);

    /// <summary>
    /// How an action's answers come in pages (the spec's <c>paginators</c>). <c>Style</c> is <c>offset</c> (the request's
    /// <c>Offset</c> member counts items), <c>page</c> (it counts pages, from 0) or <c>token</c> (the answer's
    /// <c>OutputToken</c> goes into the request's <c>InputToken</c>). <c>Items</c> is the answer's list; <c>Total</c>, when
    /// given, the answer's count of all items.
    /// </summary>
    internal sealed record PaginatorModel(string Action, string Style, string? Offset, string? Limit, string? InputToken, string? OutputToken, string Items, string? Total);

    internal sealed record EndpointModel(string? DefaultDomain, EquatableArray<RegionEndpointModel> Regions);

    internal sealed record RegionEndpointModel(string Region, string Domain);

    /// <summary>An action. <c>RetryableErrorCodes</c> are the codes marked <c>"retryable": true</c>: a failure worth sending again.</summary>
    internal sealed record ActionModel(
        string Name,
        string Title,
        string Document,
        string Input,
        string Output,
        string Status,
        int? RateLimitPerSecond,
        EquatableArray<string> ErrorCodes,
        EquatableArray<string> RetryableErrorCodes);

    internal enum ObjectRole
    {
        /// <summary>A shared data structure (upstream's "usage").</summary>
        Data,

        /// <summary>The input of an action.</summary>
        Request,

        /// <summary>The output of an action.</summary>
        Response,
    }

    internal sealed record ObjectModel(
        string Name,
        string Document,
        ObjectRole Role,
        string Usage,
        EquatableArray<MemberModel> Members,
        EquatableArray<RuleModel> Rules)
    {
        public MemberModel? FindMember(string name)
        {
            foreach (MemberModel member in Members)
            {
                if (member.Name == name)
                {
                    return member;
                }
            }

            return null;
        }

        /// <summary>Whether members marked <c>required</c> are required of whoever builds the object.</summary>
        public bool HasRequiredInputs => Role == ObjectRole.Request || (Role == ObjectRole.Data && Usage != "out");

        /// <summary>Whether whoever builds the object must set the member (disabled members never are).</summary>
        public bool IsRequiredInput(MemberModel member) => member.Required && HasRequiredInputs && !member.Disabled;
    }

    internal enum ValueKind
    {
        String,
        Integer,
        UnsignedInteger,
        Float,
        Boolean,
        Object,
    }

    internal sealed record MemberModel(
        string Name,
        string Type,
        string ElementType,
        ValueKind Kind,
        bool IsList,
        bool Required,
        string Document,
        string? Example,
        bool Disabled,
        string? Enum,
        ConstraintsModel? Constraints)
    {
        /// <summary>The object type of the member or of its items.</summary>
        public string? ObjectName => Kind == ValueKind.Object ? ElementType : null;

        public bool IsSensitive => Constraints?.Sensitive == true;
    }

    internal sealed record ConstraintsModel(
        int? MinLength,
        int? MaxLength,
        string? Pattern,
        decimal? Minimum,
        decimal? Maximum,
        int? MinItems,
        int? MaxItems,
        EquatableArray<SpecValue> AllowedValues,
        bool Sensitive,
        string? ErrorCode,
        string? Message);

    /// <summary>
    /// An enumeration. A closed one lists every value the server accepts, so any other value is an error; an open one
    /// lists the values known today, and the server may accept others (newer products, disk types), so another value
    /// is at most worth a note.
    /// </summary>
    internal sealed record EnumModel(
        string Name,
        ValueKind Kind,
        string Document,
        string? ErrorCode,
        EquatableArray<EnumValueModel> Values,
        bool IsOpen)
    {
        public EnumValueModel? FindValue(SpecValue value)
        {
            foreach (EnumValueModel item in Values)
            {
                if (item.Value.Equals(value))
                {
                    return item;
                }
            }

            return null;
        }
    }

    internal sealed record EnumValueModel(string Name, SpecValue Value, string Document);

    internal sealed record ErrorCodeModel(string Code, string Description)
    {
        /// <summary>The part before the first dot: FailedOperation, InvalidParameter, ...</summary>
        public string Category
        {
            get
            {
                int dot = Code.IndexOf('.');
                return dot < 0 ? Code : Code.Substring(0, dot);
            }
        }
    }

    internal sealed record RuleModel(
        string Id,
        string ObjectName,
        ConditionModel? When,
        ConditionModel Require,
        string? ErrorCode,
        ApiValidationSeverity Severity,
        string Message);

    /// <summary>
    /// A condition on member values. <see cref="Member"/> is a dotted path relative to the object
    /// that owns the rule; operands are used by the combinators.
    /// </summary>
    internal sealed record ConditionModel(
        RuleOperator Kind,
        string? Member,
        SpecValue? Value,
        EquatableArray<SpecValue> Values,
        EquatableArray<ConditionModel> Operands,
        string? Compared = null);

    /// <summary>A problem found in a spec file, with where it is.</summary>
    internal sealed record SpecDiagnostic(string Id, string Message, string FilePath, int Offset, int Line, int Column)
    {
        public override string ToString() => FilePath + "(" + (Line + 1).ToString(CultureInfo.InvariantCulture) + "," + (Column + 1).ToString(CultureInfo.InvariantCulture) + "): " + Id + ": " + Message;
    }
}
