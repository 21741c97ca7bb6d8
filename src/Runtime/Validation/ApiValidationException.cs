using System;
using System.Collections.Generic;
using System.Linq;

namespace Emr.Codegen.Runtime;

/// <summary>Thrown by <c>EnsureValid()</c>; lists every problem of error severity.</summary>
public sealed class ApiValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiValidationException(IReadOnlyList<ApiValidationProblem> problems)
        : base("The request is not valid: " + string.Join("; ", problems.Select(p => p.Path + ": " + p.Message)))
        => Problems = problems;

    /// <summary>The problems of error severity.</summary>
    public IReadOnlyList<ApiValidationProblem> Problems { get; }
}
