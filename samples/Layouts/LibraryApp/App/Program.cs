using Emr.V20190103;
using Layouts.Library;

var request = new CreateInstanceRequest
{
    ProductId = 16,
    VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" },
    Software = ["hive"],
    ResourceSpec = new NewResourceSpec { MasterCount = 1, CoreCount = 2 },
    SupportHA = 0,
    InstanceName = "emr_layout",
    PayMode = 0,
    Placement = new Placement { Zone = "ap-guangzhou-3" },
    TimeSpan = 3600,
    TimeUnit = "m", // wrong on purpose: pay-as-you-go needs "s" (EMR0010 in the application's own code)
    LoginSettings = new LoginSettings { Password = "Emr@2019abc" },
};
Console.WriteLine(ClusterClient.Describe(request));
