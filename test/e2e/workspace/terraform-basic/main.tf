locals {
  name_prefix = "palisade-${var.environment}"
  tags = {
    Environment = var.environment
    ManagedBy   = "terraform"
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "${local.name_prefix}-data"
  tags   = local.tags
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket = aws_s3_bucket.data.id

  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_security_group" "ssh" {
  name   = "${local.name_prefix}-ssh"
  vpc_id = var.vpc_id

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

data "aws_iam_policy_document" "read_data" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${local.name_prefix}-data/*"]
  }
}

resource "aws_iam_policy" "read_data" {
  name   = "${local.name_prefix}-read-data"
  policy = data.aws_iam_policy_document.read_data.json
}

resource "aws_iam_policy" "admin" {
  name = "${local.name_prefix}-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}

module "logs" {
  source = "./modules/log-bucket"
  name   = "${local.name_prefix}-logs"
  tags   = local.tags
}
