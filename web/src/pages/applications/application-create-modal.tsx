import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { App, Descriptions, Form, Input, InputNumber, Modal, Select, Spin, Tag } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { submitApplication } from "../../api/applications.ts";
import { fetchSchedule } from "../../api/calculator.ts";
import { api, errorMessage, toQueryString } from "../../api/client.ts";
import type { Customer } from "../../api/customers.ts";
import { type Product, useProducts } from "../../api/products.ts";
import type { Page } from "../../api/types.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import {
  formatMoney,
  formatMoneyLong,
  formatPercent,
  formatRate,
  groupAmountInput,
  parseAmountInput,
  todayInChina,
  toFen,
} from "../../format.ts";

type FormValues = {
  customerId: string;
  productId: string;
  amount: string;
  termMonths: number;
  purpose: string;
};

function ineligible(customer: Customer | undefined): boolean {
  return Boolean(customer && (customer.blacklisted || customer.segment === "student"));
}

/** Customers for the picker: a name prefix (or a full mobile / ID number) searched on the server. */
function useCustomerOptions(search: string, preselectedId: string | null) {
  const list = useQuery({
    queryKey: ["customers", "picker", search],
    queryFn: () =>
      api.get<Page<Customer>>(
        `/customers${toQueryString({ q: search || undefined, pageSize: 50, page: 1 })}`,
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const preselected = useQuery({
    queryKey: ["customers", "detail", preselectedId],
    queryFn: () => api.get<Customer>(`/customers/${preselectedId}`),
    enabled: Boolean(preselectedId),
    staleTime: 30_000,
  });
  const items = [...(list.data?.items ?? [])];
  if (preselected.data && !items.some((c) => c.id === preselected.data.id)) items.unshift(preselected.data);
  return { items, loading: list.isFetching };
}

/** 新建申请 (step 1): customer, product, an amount within its range, a term it offers, the purpose. */
export function ApplicationCreateModal({
  open,
  initialCustomerId,
  onClose,
  onCreated,
}: {
  open: boolean;
  initialCustomerId: string | null;
  onClose: () => void;
  onCreated: (id: string, appNo: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [pending, setPending] = useState(false);
  const [searchText, setSearchText] = useState("");
  const [search, setSearch] = useState("");
  const customers = useCustomerOptions(search, initialCustomerId);
  const products = useProducts({ status: "active" }, open);
  const customerId = Form.useWatch("customerId", form);
  const productId = Form.useWatch("productId", form);
  const amount = Form.useWatch("amount", form);
  const term = Form.useWatch("termMonths", form);
  const customer = customers.items.find((c) => c.id === customerId);
  const product = products.data?.items.find((p) => p.id === productId);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), 300);
    return () => clearTimeout(timer);
  }, [searchText]);

  useEffect(() => {
    if (open && initialCustomerId) form.setFieldValue("customerId", initialCustomerId);
  }, [open, initialCustomerId, form]);

  // A product's terms change with the product: keep the term only if the new one offers it.
  useEffect(() => {
    if (!product) return;
    const current = form.getFieldValue("termMonths") as number | undefined;
    if (current === undefined || !product.termOptions.includes(current))
      form.setFieldValue("termMonths", product.termOptions[Math.min(1, product.termOptions.length - 1)]);
    if (form.getFieldValue("amount")) void form.validateFields(["amount"]);
  }, [product, form]);

  const eligibleFor = (p: Product) => !customer || p.eligibleSegments.includes(customer.segment);

  const submit = async (values: FormValues) => {
    if (pending) return;
    setPending(true);
    try {
      const result = await submitApplication({
        customerId: values.customerId,
        productId: values.productId,
        amount: values.amount,
        termMonths: values.termMonths,
        purpose: values.purpose.trim(),
      });
      message.success(t("applications.create.created", { appNo: result.appNo }));
      form.resetFields();
      onCreated(result.id, result.appNo);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  const quoteRequest = useMemo(() => {
    if (!product || !amount || !term || toFen(amount) === null) return null;
    const fen = toFen(amount) ?? 0n;
    if (fen < (toFen(product.minAmount) ?? 0n) || fen > (toFen(product.maxAmount) ?? 0n)) return null;
    return {
      principal: amount,
      annualRate: product.annualRate,
      termMonths: term,
      method: product.method,
      startDate: todayInChina(),
    };
  }, [product, amount, term]);
  const quote = useQuery({
    queryKey: ["calculator", quoteRequest],
    queryFn: () => fetchSchedule(quoteRequest as NonNullable<typeof quoteRequest>),
    enabled: quoteRequest !== null,
    retry: false,
    staleTime: Infinity,
  });

  return (
    <Modal
      open={open}
      title={t("applications.create.title")}
      okText={t("applications.create.submit")}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: pending, disabled: pending }}
      destroyOnHidden
      width={640}
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} disabled={pending} requiredMark>
        <Form.Item
          name="customerId"
          label={t("applications.create.customer")}
          rules={[
            { required: true, message: t("applications.create.customerRequired") },
            {
              validator: async () => {
                if (customer?.blacklisted) throw new Error(apiMessage("customer-blacklisted"));
                if (customer?.segment === "student") throw new Error(apiMessage("student-ineligible"));
              },
            },
          ]}
          extra={
            customers.items.length === 0 && !customers.loading
              ? t("applications.create.noCustomers")
              : undefined
          }
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearchText }}
            placeholder={t("applications.create.customerPlaceholder")}
            notFoundContent={customers.loading ? <Spin size="small" /> : t("applications.create.noMatch")}
            options={customers.items.map((c) => ({
              value: c.id,
              label: c.name,
              disabled: ineligible(c),
              customer: c,
            }))}
            optionRender={(option) => {
              const c = option.data.customer as Customer;
              return (
                <div className="picker-option">
                  <span>{c.name}</span>
                  <span className="muted small">
                    {t(`customers.segments.${c.segment}`)} · {c.phone}
                    {c.blacklisted ? ` · ${t("customers.blacklisted")}` : ""}
                  </span>
                </div>
              );
            }}
            data-testid="app-customer"
          />
        </Form.Item>
        <Form.Item
          name="productId"
          label={t("applications.create.product")}
          rules={[
            { required: true, message: t("applications.create.productRequired") },
            {
              validator: async () => {
                if (product && !eligibleFor(product))
                  throw new Error(t("applications.create.productIneligible"));
              },
            },
          ]}
          dependencies={["customerId"]}
        >
          <Select
            placeholder={t("applications.create.productPlaceholder")}
            loading={products.isPending}
            options={(products.data?.items ?? []).map((p) => ({
              value: p.id,
              label: p.name,
              disabled: !eligibleFor(p),
              product: p,
            }))}
            optionRender={(option) => {
              const p = option.data.product as Product;
              return (
                <div className="picker-option">
                  <span>
                    {p.name} <Tag color="blue">{t(`calculator.methods.${p.method}`)}</Tag>
                  </span>
                  <span className="muted small">
                    {formatRate(p.annualRate)} · APR {formatPercent(p.apr)} · {formatMoney(p.minAmount)}–
                    {formatMoney(p.maxAmount)}
                  </span>
                </div>
              );
            }}
            data-testid="app-product"
          />
        </Form.Item>
        <div className="form-row">
          <Form.Item
            name="amount"
            label={t("applications.create.amount")}
            dependencies={["productId"]}
            extra={
              product
                ? t("applications.create.amountRange", {
                    min: formatMoneyLong(product.minAmount),
                    max: formatMoneyLong(product.maxAmount),
                  })
                : undefined
            }
            rules={[
              { required: true, message: t("common.required") },
              {
                validator: async (_rule, value: string | undefined) => {
                  if (!value) return;
                  const fen = toFen(value);
                  if (fen === null || fen <= 0n) throw new Error(apiMessage("invalid-amount"));
                  if (
                    product &&
                    (fen < (toFen(product.minAmount) ?? 0n) || fen > (toFen(product.maxAmount) ?? 0n))
                  )
                    throw new Error(apiMessage("amount-outside-product"));
                },
              },
            ]}
          >
            <InputNumber<string>
              stringMode
              prefix="¥"
              controls={false}
              style={{ width: "100%" }}
              formatter={(value) => groupAmountInput(value)}
              parser={(value) => parseAmountInput(value)}
              inputMode="decimal"
              data-testid="app-amount"
            />
          </Form.Item>
          <Form.Item
            name="termMonths"
            label={t("applications.create.term")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <Select
              disabled={!product}
              placeholder={t("applications.create.termPlaceholder")}
              options={(product?.termOptions ?? []).map((n) => ({
                value: n,
                label: t("applications.months", { count: n }),
              }))}
              data-testid="app-term"
            />
          </Form.Item>
        </div>
        <Form.Item
          name="purpose"
          label={t("applications.create.purpose")}
          rules={[
            { required: true, whitespace: true, message: t("common.required") },
            { min: 2, message: apiMessage("too-short") },
          ]}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t("applications.create.purposePlaceholder")}
            data-testid="app-purpose"
          />
        </Form.Item>
        {quote.data ? (
          <Descriptions
            size="small"
            bordered
            column={3}
            className="quote-box"
            items={[
              {
                key: "first",
                label: t("applications.create.firstPayment"),
                children: formatMoney(quote.data.installments[0]?.total),
              },
              {
                key: "interest",
                label: t("applications.create.totalInterest"),
                children: formatMoney(quote.data.totals.interest),
              },
              {
                key: "apr",
                label: t("applications.create.apr"),
                children: <strong className="apr-inline">{formatPercent(quote.data.apr)}</strong>,
              },
            ]}
          />
        ) : null}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
