// Compiled into the runtime (public: Validate() returns these) and linked into the compiler extensions (internal), where
// the analyzers turn the same problems of the same rule engine into diagnostics.
namespace Emr.Codegen.Runtime
{
    /// <summary>How much a validation problem matters, as the spec rates it.</summary>
#if EMR_CODEGEN_RUNTIME
    public
#else
    internal
#endif
    enum ApiValidationSeverity
    {
        /// <summary>The server rejects the request.</summary>
        Error,

        /// <summary>The server accepts the request, but a setting does not do what it says.</summary>
        Warning,

        /// <summary>Worth knowing; nothing goes wrong.</summary>
        Info,
    }

    /// <summary>Which check found a problem.</summary>
#if EMR_CODEGEN_RUNTIME
    public
#else
    internal
#endif
    enum ApiValidationProblemKind
    {
        /// <summary>A required member is not set.</summary>
        Missing,

        /// <summary>The value is not one of a closed enumeration's values.</summary>
        Enumeration,

        /// <summary>The value is not one the spec lists for an open enumeration; the server may accept it.</summary>
        OpenEnumeration,

        /// <summary>The text is shorter or longer than allowed.</summary>
        Length,

        /// <summary>The text does not match the member's pattern.</summary>
        Pattern,

        /// <summary>The number is outside the member's range.</summary>
        Range,

        /// <summary>The list has fewer or more items than allowed.</summary>
        ItemCount,

        /// <summary>The value is not one of the member's allowed values.</summary>
        AllowedValues,

        /// <summary>A cross-member rule of the spec is broken.</summary>
        Rule,

        /// <summary>Objects nested deeper than the API's readers go (only an object that holds itself gets there).</summary>
        Nesting,
    }

    /// <summary>One problem <c>Validate()</c> (or the analyzers) found: of a member's value, or of a rule.</summary>
    /// <param name="Path">The member, in form notation (<c>LoginSettings.Password</c>, <c>Software.0</c>).</param>
    /// <param name="Message">What is wrong and what is allowed.</param>
    /// <param name="ErrorCode">The API error code the server would return, if the spec names one.</param>
    /// <param name="Severity">How much it matters.</param>
    /// <param name="RuleId">The spec rule that found it, for cross-member rules.</param>
#if EMR_CODEGEN_RUNTIME
    public
#else
    internal
#endif
    sealed record ApiValidationProblem(string Path, string Message, string? ErrorCode, ApiValidationSeverity Severity, string? RuleId)
    {
        /// <summary>Which check found it.</summary>
        public ApiValidationProblemKind Kind { get; init; }

        /// <inheritdoc/>
        public override string ToString() => Severity + " " + Path + ": " + Message;
    }
}
