namespace Emr.Codegen.Generator.Emit
{
    /// <summary>The validation part of the shared helpers file.</summary>
    internal static partial class HelpersEmitter
    {
        private const string ValidationBody = @"
    /// <summary>Helpers of the generated validation; their semantics match the analyzers' rule evaluation.</summary>
    internal static class ApiValidation
    {
        public static object? Known(long? value) => value is long v ? (object)(decimal)v : null;

        public static object? Known(ulong? value) => value is ulong v ? (object)(decimal)v : null;

        public static object? Known(double? value) => value is double v ? (v >= (double)decimal.MinValue && v <= (double)decimal.MaxValue ? (object)(decimal)v : v) : null;

        public static object? Known(bool? value) => value;

        public static object? Known(string? value) => value;

        public static object? Known(object? value) => value;

        public static decimal Number(long value) => value;

        public static decimal Number(ulong value) => value;

        public static decimal Number(double value) => value >= (double)decimal.MaxValue ? decimal.MaxValue : value <= (double)decimal.MinValue ? decimal.MinValue : (decimal)value;

        public static bool AreEqual(object? value, object expected) => value is not null && (value is decimal a && expected is decimal b ? a == b : value.Equals(expected));

        public static bool In(object? value, params object[] expected)
        {
            foreach (object item in expected)
            {
                if (AreEqual(value, item))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool AtLeast(object? value, object bound) => value is decimal a && a >= (decimal)bound;

        public static bool AtMost(object? value, object bound) => value is decimal a && a <= (decimal)bound;

        public static bool LengthAtLeast(object? value, int length) => value is string s && s.Length >= length;

        public static bool LengthAtMost(object? value, int length) => value is string s && s.Length <= length;

        public static bool MatchesPattern(object? value, string pattern) => value is string s && Matches(s, pattern);

        public static bool Matches(string value, string pattern)
        {
            try
            {
                return global::System.Text.RegularExpressions.Regex.IsMatch(value, pattern, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));
            }
            catch (global::System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return true;
            }
        }

        public static string Show(string value) => ""\"""" + value + ""\"""";

        public static string Show(long value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

        public static string Show(ulong value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

        public static string Show(double value) => value.ToString(""R"", global::System.Globalization.CultureInfo.InvariantCulture);

        public static string Show(bool value) => value ? ""true"" : ""false"";

        public static void Missing(global::System.Collections.Generic.List<global::NS.ApiValidationProblem> problems, string path) =>
            problems.Add(new global::NS.ApiValidationProblem(path, path + "" is required and not set"", null, global::NS.ApiValidationSeverity.Error, null));

        public static void Add(global::System.Collections.Generic.List<global::NS.ApiValidationProblem> problems, string path, string message, string? errorCode, global::NS.ApiValidationSeverity severity = global::NS.ApiValidationSeverity.Error, string? ruleId = null) =>
            problems.Add(new global::NS.ApiValidationProblem(path, errorCode is null || ruleId is not null ? message : message + "" (the server returns "" + errorCode + "")"", errorCode is null ? (global::NS.ApiErrorCode?)null : new global::NS.ApiErrorCode(errorCode), severity, ruleId));

        public static void ThrowOnErrors(global::System.Collections.Generic.IReadOnlyList<global::NS.ApiValidationProblem> problems)
        {
            var errors = new global::System.Collections.Generic.List<global::NS.ApiValidationProblem>();
            foreach (var problem in problems)
            {
                if (problem.Severity == global::NS.ApiValidationSeverity.Error)
                {
                    errors.Add(problem);
                }
            }

            if (errors.Count > 0)
            {
                throw new global::NS.ApiValidationException(errors);
            }
        }
    }
";
    }
}
