using Emr.V20190103;

var request = new CreateInstanceRequest
{
    ProductId = ProductId.EmrV2_3_0,
    VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" },
    Software = ["hive"],
    ResourceSpec = new NewResourceSpec { MasterCount = 1, CoreCount = 2 },
    SupportHA = SupportHA.Disabled,
    InstanceName = "strict_consumer",
    PayMode = PayMode.MonthlySubscription,
    Placement = new Placement { Zone = "ap-guangzhou-3" },
    TimeSpan = 12,
    TimeUnit = TimeUnit.Months,
    AutoRenew = AutoRenew.Enabled,
    LoginSettings = new LoginSettings { PublicKeyId = "skey-abcd1234" },
};
Console.WriteLine(request.ToJson());
return request.Validate().Count;
