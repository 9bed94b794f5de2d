# Page-number pagination for index actions: `?page=2&per_page=10`.
#
# `paginate(scope)` returns that page's records and its meta data, and sets the
# `Link` (first/prev/next/last, RFC 8288) and `X-Total-Count` headers, so clients can
# use either the body or the headers.
module Pagination
  extend ActiveSupport::Concern

  DEFAULT_PER_PAGE = 20
  MAX_PER_PAGE = 100

  private

  def paginate(scope)
    per_page = (positive_integer_param(:per_page) || DEFAULT_PER_PAGE).clamp(1, MAX_PER_PAGE)
    page = positive_integer_param(:page) || 1
    total_count = scope.count
    total_pages = [(total_count + per_page - 1) / per_page, 1].max

    response.headers["Link"] = pagination_links(page, per_page, total_pages)
    response.headers["X-Total-Count"] = total_count.to_s

    records = scope.offset((page - 1) * per_page).limit(per_page)
    meta = { page: page, per_page: per_page, total_pages: total_pages, total_count: total_count }
    [records, meta]
  end

  def positive_integer_param(name)
    value = Integer(params[name].to_s, 10)
    value if value.positive?
  rescue ArgumentError
    nil
  end

  def pagination_links(page, per_page, total_pages)
    pages = { first: 1, last: total_pages }
    pages[:prev] = page - 1 if page > 1 && page <= total_pages
    pages[:next] = page + 1 if page < total_pages
    pages.map { |rel, number| %(<#{page_url(number, per_page)}>; rel="#{rel}") }.join(", ")
  end

  def page_url(number, per_page)
    query = request.query_parameters.merge("page" => number, "per_page" => per_page).to_query
    "#{request.base_url}#{request.path}?#{query}"
  end
end
