using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using BenchmarkDotNet.Attributes;
using Emr.Codegen.Runtime;
using Emr.V20190103;

namespace Emr.Codegen.RuntimeBenchmarks
{
    /// <summary>
    /// Validate() of a full valid request against DataAnnotations (the spec's checks as attributes on the plain classes)
    /// and a hand-written method with the same checks (the floor). Allocated is what a valid request costs (target: 0 B).
    /// </summary>
    [MemoryDiagnoser]
    public class ValidateBenchmarks
    {
        private CreateInstanceRequest _request = null!;
        private Plain.CreateInstanceRequest _plain = null!;

        [GlobalSetup]
        public void Setup()
        {
            _request = CreateInstanceRequest.FromJson(Payloads.RequestJson);
            _plain = Payloads.PlainRequest();
            IReadOnlyList<ApiValidationProblem> problems = EmrCodegen();
            if (problems.Count != 0)
            {
                throw new InvalidOperationException("The request should be valid: " + string.Join("; ", problems));
            }

            if (!DataAnnotations())
            {
                var results = new List<ValidationResult>();
                Validator.TryValidateObject(_plain, new ValidationContext(_plain), results, validateAllProperties: true);
                throw new InvalidOperationException("DataAnnotations should find the request valid: " + string.Join("; ", results));
            }

            if (HandWritten() is { } handWritten)
            {
                throw new InvalidOperationException("The hand-written checks should find the request valid: " + string.Join("; ", handWritten));
            }

            // Each contender must see a broken request too, or it checks nothing.
            var broken = CreateInstanceRequest.FromJson(Payloads.RequestJson.Replace("\"TimeSpan\":3600", "\"TimeSpan\":7200").Replace("emr_test", "emr test"));
            var brokenPlain = System.Text.Json.JsonSerializer.Deserialize(Payloads.RequestJson.Replace("\"TimeSpan\":3600", "\"TimeSpan\":7200").Replace("emr_test", "emr test"), Plain.StjContext.Default.CreateInstanceRequest)!;
            if (broken.Validate().Count != 2 || HandWrittenValidator.Validate(brokenPlain)?.Count != 2
                || Validator.TryValidateObject(brokenPlain, new ValidationContext(brokenPlain), new List<ValidationResult>(), validateAllProperties: true))
            {
                throw new InvalidOperationException("A contender does not report the broken pattern and rule.");
            }
        }

        [Benchmark(Baseline = true, Description = "Emr.Codegen Validate()")]
        public IReadOnlyList<ApiValidationProblem> EmrCodegen() => _request.Validate();

        [Benchmark(Description = "DataAnnotations Validator.TryValidateObject")]
        public bool DataAnnotations() => Validator.TryValidateObject(_plain, new ValidationContext(_plain), null, validateAllProperties: true);

        [Benchmark(Description = "hand-written checks")]
        public List<string>? HandWritten() => HandWrittenValidator.Validate(_plain);
    }
}
