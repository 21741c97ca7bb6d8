using System;
using System.Collections.Generic;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>Runs the rule engine (the analyzers' own) over a generated object.</summary>
internal static class ApiValidation
{
    // One list per thread, reused: a request without problems allocates nothing for its answer. The engine calls no
    // user code, so a validation never starts inside another on the same thread.
    [ThreadStatic]
    private static List<ApiValidationProblem>? t_problems;

    public static IReadOnlyList<ApiValidationProblem> Validate(IRuleSubject subject)
    {
        List<ApiValidationProblem> problems = t_problems ??= new List<ApiValidationProblem>();
        try
        {
            RuleEngine.Validate(subject, string.Empty, problems);
            return problems.Count == 0 ? Array.Empty<ApiValidationProblem>() : problems.ToArray();
        }
        finally
        {
            problems.Clear();
        }
    }

    public static void ThrowOnErrors(IReadOnlyList<ApiValidationProblem> problems)
    {
        List<ApiValidationProblem>? errors = null;
        foreach (ApiValidationProblem problem in problems)
        {
            if (problem.Severity == ApiValidationSeverity.Error)
            {
                (errors ??= new List<ApiValidationProblem>()).Add(problem);
            }
        }

        if (errors is not null)
        {
            throw new ApiValidationException(errors);
        }
    }
}
